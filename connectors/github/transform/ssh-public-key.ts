import { createHash } from "node:crypto";

/*
 * A deploy key's `key` is an OpenSSH public key line: `<type> <base64 blob> [comment]`. From it
 * come the algorithm and size (so the weak-key policy sees a 1024-bit RSA key) and the SHA-256
 * fingerprint `ssh-keygen -l` prints, which is public and lets people find the key on a server.
 */

export interface SshKeyFacts {
  readonly algorithm: string;
  readonly keySize?: number;
  /** `SHA256:<base64, no padding>`, as `ssh-keygen -lf` shows it. */
  readonly thumbprint: string;
  /** The base64 blob: the same blob on two repositories is the same private key. */
  readonly blob: string;
}

const FIXED: Record<string, { algorithm: string; keySize?: number }> = {
  "ssh-ed25519": { algorithm: "ED25519", keySize: 256 },
  "sk-ssh-ed25519@openssh.com": { algorithm: "ED25519-SK", keySize: 256 },
  "ecdsa-sha2-nistp256": { algorithm: "ECDSA", keySize: 256 },
  "ecdsa-sha2-nistp384": { algorithm: "ECDSA", keySize: 384 },
  "ecdsa-sha2-nistp521": { algorithm: "ECDSA", keySize: 521 },
  "sk-ecdsa-sha2-nistp256@openssh.com": { algorithm: "ECDSA-SK", keySize: 256 },
  "ssh-dss": { algorithm: "DSA", keySize: 1024 },
};

/** Reads the SSH wire format's length-prefixed fields (RFC 4253 §6.6). */
function wireFields(blob: Buffer): Buffer[] {
  const fields: Buffer[] = [];
  let offset = 0;
  while (offset + 4 <= blob.length) {
    const length = blob.readUInt32BE(offset);
    if (offset + 4 + length > blob.length) break;
    fields.push(blob.subarray(offset + 4, offset + 4 + length));
    offset += 4 + length;
  }
  return fields;
}

/** Bit length of an SSH mpint (big-endian, maybe a leading zero byte). */
function bitLength(mpint: Buffer): number {
  let start = 0;
  while (start < mpint.length && mpint[start] === 0) start += 1;
  if (start === mpint.length) return 0;
  return (mpint.length - start - 1) * 8 + (32 - Math.clz32(mpint[start]!));
}

/** Facts of a public key line, or undefined when it is not one. */
export function sshKeyFactsOf(line: string): SshKeyFacts | undefined {
  const [type = "", blob = ""] = line.trim().split(/\s+/);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(blob)) return undefined;
  const bytes = Buffer.from(blob, "base64");
  const fields = wireFields(bytes);
  if (fields[0]?.toString("latin1") !== type) return undefined;
  const thumbprint = `SHA256:${createHash("sha256").update(bytes).digest("base64").replace(/=+$/, "")}`;
  if (type === "ssh-rsa") {
    const modulus = fields[2];
    return { algorithm: "RSA", ...(modulus ? { keySize: bitLength(modulus) } : {}), thumbprint, blob };
  }
  return { ...(FIXED[type] ?? { algorithm: type }), thumbprint, blob };
}
