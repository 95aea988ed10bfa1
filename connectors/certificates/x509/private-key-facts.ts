import { createPrivateKey, createPublicKey } from "node:crypto";
import { describePublicKey } from "./key-facts";
import { readOpenSshKey } from "./openssh-key";

/*
 * Describes a private key found in a file by deriving its PUBLIC half: algorithm, size and the
 * SHA-256 of the public key (which equals the matching certificate's `publicKeySha256`). The
 * private key object lives only inside this function.
 */

/** Public facts of a private key block. */
export interface PrivateKeyFacts {
  /** pkcs8, pkcs1, sec1, openssh, or unknown (a key Node cannot read). */
  readonly format: string;
  readonly encrypted: boolean;
  readonly algorithm: string | undefined;
  readonly size: number | undefined;
  readonly curve: string | undefined;
  readonly publicKeySha256: string | undefined;
  /** OpenSSH keys: `SHA256:…` as ssh-keygen prints it. */
  readonly sshFingerprint: string | undefined;
}

/** PEM label → DER container Node's createPrivateKey understands. */
const DER_TYPES: Readonly<Record<string, "pkcs8" | "pkcs1" | "sec1">> = {
  "PRIVATE KEY": "pkcs8",
  "RSA PRIVATE KEY": "pkcs1",
  "EC PRIVATE KEY": "sec1",
};

/** Algorithm a label names, for keys that cannot be read (encrypted, DSA, damaged). */
function algorithmFromLabel(label: string): string | undefined {
  return /^(RSA|EC|DSA) PRIVATE KEY$/.exec(label)?.[1];
}

const unreadable = (format: string, encrypted: boolean, label: string): PrivateKeyFacts => ({
  format,
  encrypted,
  algorithm: algorithmFromLabel(label),
  size: undefined,
  curve: undefined,
  publicKeySha256: undefined,
  sshFingerprint: undefined,
});

/** Describes a `… PRIVATE KEY` block (label and base64 body) without keeping the key. */
export function describePrivateKey(label: string, body: string, encrypted: boolean): PrivateKeyFacts {
  const der = Buffer.from(body, "base64");
  if (label === "OPENSSH PRIVATE KEY") {
    const ssh = readOpenSshKey(der);
    if (!ssh) return unreadable("openssh", false, label);
    const { sshFingerprint, ...key } = ssh;
    return { format: "openssh", ...key, publicKeySha256: undefined, sshFingerprint };
  }
  const type = DER_TYPES[label];
  if (label === "ENCRYPTED PRIVATE KEY") return unreadable("pkcs8", true, label);
  if (!type || encrypted) return unreadable(type ?? "unknown", encrypted, label);
  try {
    const key = describePublicKey(createPublicKey(createPrivateKey({ key: der, format: "der", type })));
    return { format: type, encrypted: false, ...key, sshFingerprint: undefined };
  } catch {
    return unreadable(type, false, label);
  }
}
