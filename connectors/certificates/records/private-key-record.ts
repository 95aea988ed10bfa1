import type { Fingerprinter, KeywardRecordInput } from "../../sdk";
import { PRIVATE_KEY_TYPE } from "../external-types";
import { describePrivateKey } from "../x509/private-key-facts";
import { compact } from "./compact";

/** A private key block as the `files` stream item carries it. */
export interface PrivateKeyBlock {
  readonly label: string;
  readonly body: string;
  readonly line?: number | undefined;
  readonly encrypted: boolean;
}

/**
 * A private key found in a file, as a `private_key` credential: its keyed fingerprint (over the
 * base64 body, whitespace removed, so re-wrapped copies still match), algorithm and size. The
 * external id is the public key's SHA-256 when the key can be read — the same key in two files
 * is one record — else the fingerprint, which is keyed and reveals nothing.
 */
export function privateKeyRecord(block: PrivateKeyBlock, path: string, fingerprint: Fingerprinter): KeywardRecordInput {
  const facts = describePrivateKey(block.label, block.body, block.encrypted);
  const keyed = fingerprint(block.body);
  const label = facts.algorithm ? `${facts.algorithm}${facts.size ? `-${facts.size}` : ""} private key` : "private key";
  return {
    kind: "credential",
    externalType: PRIVATE_KEY_TYPE,
    externalId: facts.publicKeySha256 ?? facts.sshFingerprint ?? keyed,
    name: facts.encrypted ? `${label} (encrypted)` : label,
    type: "private_key",
    status: "active",
    ...(facts.algorithm ? { algorithm: facts.algorithm } : {}),
    ...(facts.size !== undefined ? { keySize: facts.size } : {}),
    fingerprint: keyed,
    locations: [compact({ source: "file", path, line: block.line })],
    attributes: compact({
      pemLabel: block.label,
      format: facts.format,
      encrypted: facts.encrypted,
      keyCurve: facts.curve,
      publicKeySha256: facts.publicKeySha256,
      sshFingerprint: facts.sshFingerprint,
    }),
  };
}
