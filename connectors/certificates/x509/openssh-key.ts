import { createHash } from "node:crypto";

/*
 * Node cannot load `OPENSSH PRIVATE KEY` blocks, but their header and public key are never
 * encrypted (PROTOCOL.key in OpenSSH's sources): magic "openssh-key-v1\0", cipher name, KDF name,
 * KDF options, key count, then the public key in SSH wire format. That is enough for the key type,
 * its size, whether it is passphrase-protected and its standard `SHA256:` fingerprint — all
 * public — without touching the private part.
 */

const MAGIC = Buffer.from("openssh-key-v1\0", "latin1");

/** What the unencrypted header of an OpenSSH private key tells. */
export interface OpenSshKeyFacts {
  readonly algorithm: string;
  readonly size: number | undefined;
  readonly curve: string | undefined;
  readonly encrypted: boolean;
  /** `SHA256:<base64>` as `ssh-keygen -lf` prints it. */
  readonly sshFingerprint: string;
}

class Reader {
  private at = 0;
  constructor(private readonly data: Buffer) {}
  uint32(): number {
    if (this.at + 4 > this.data.length) throw new RangeError("truncated");
    const value = this.data.readUInt32BE(this.at);
    this.at += 4;
    return value;
  }
  bytes(): Buffer {
    const length = this.uint32();
    if (this.at + length > this.data.length) throw new RangeError("truncated");
    const value = this.data.subarray(this.at, this.at + length);
    this.at += length;
    return value;
  }
}

const EC_CURVES: Readonly<Record<string, readonly [string, number]>> = {
  nistp256: ["P-256", 256],
  nistp384: ["P-384", 384],
  nistp521: ["P-521", 521],
};

function describeSshPublicKey(blob: Buffer): Pick<OpenSshKeyFacts, "algorithm" | "size" | "curve"> {
  const reader = new Reader(blob);
  const type = reader.bytes().toString("latin1");
  if (type === "ssh-rsa") {
    reader.bytes(); // public exponent
    const modulus = reader.bytes();
    const significant = modulus[0] === 0 ? modulus.subarray(1) : modulus; // mpint sign byte
    const top = significant[0] ?? 0;
    return { algorithm: "RSA", size: (significant.length - 1) * 8 + (32 - Math.clz32(top)), curve: undefined };
  }
  if (type === "ssh-ed25519") return { algorithm: "Ed25519", size: 256, curve: undefined };
  const ec = /^ecdsa-sha2-(nistp\d+)$/.exec(type)?.[1];
  const curve = ec ? EC_CURVES[ec] : undefined;
  if (curve) return { algorithm: "EC", size: curve[1], curve: curve[0] };
  return { algorithm: type, size: undefined, curve: undefined };
}

/** Reads an OpenSSH private key's public header; null when the body is not that format. */
export function readOpenSshKey(der: Buffer): OpenSshKeyFacts | null {
  if (!der.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  try {
    const reader = new Reader(der.subarray(MAGIC.length));
    const cipher = reader.bytes().toString("latin1");
    reader.bytes(); // KDF name
    reader.bytes(); // KDF options
    if (reader.uint32() < 1) return null;
    const publicKey = reader.bytes();
    const digest = createHash("sha256").update(publicKey).digest("base64").replace(/=+$/, "");
    return { ...describeSshPublicKey(publicKey), encrypted: cipher !== "none", sshFingerprint: `SHA256:${digest}` };
  } catch {
    return null;
  }
}
