import { createHash, createPrivateKey, createPublicKey, hkdfSync, type KeyObject } from "node:crypto";
import { AppError } from "@/lib/errors";

/*
 * The evidence pack is signed with Ed25519, an asymmetric scheme, so that an auditor verifies with
 * the PUBLIC key alone: nothing they hold could forge a pack. (An HMAC like the audit chain's would
 * need the instance's secret key on the auditor's machine, which would let them sign too.)
 *
 * The key pair is derived, not stored: HKDF-SHA256 of the instance's audit key (the instance's
 * integrity key, lib/runtime/instance-keys.ts) with a purpose label gives the 32-byte Ed25519
 * seed. Same instance keys → same signing key, across restarts and on every node; HKDF is one-way,
 * so the derived key reveals nothing about the audit key, and the label keeps it apart from any
 * other key derived from it.
 */

/** HKDF `info`: names the derived key's one use; a new version gives a new, unrelated key. */
const DERIVATION_LABEL = "keyward/evidence-pack/ed25519/v1";
const DERIVATION_SALT = "keyward";

/** ASN.1 header of a PKCS#8 Ed25519 private key; followed by the 32-byte seed (RFC 8410). */
const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
/** ASN.1 header of an SPKI Ed25519 public key; followed by the 32 raw key bytes (RFC 8410). */
const SPKI_ED25519_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

export type EvidenceSigningKey = {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SPKI PEM, what `openssl` and node:crypto read. */
  publicKeyPem: string;
  /** The 32 raw public-key bytes as hex. */
  publicKeyHex: string;
  /** Names the instance in a manifest: SHA-256 of the raw public key, first 16 bytes as hex. */
  instanceId: string;
};

function describePublicKey(publicKey: KeyObject) {
  const raw = (publicKey.export({ format: "der", type: "spki" }) as Buffer).subarray(SPKI_ED25519_PREFIX.length);
  return {
    publicKeyPem: publicKey.export({ format: "pem", type: "spki" }).toString(),
    publicKeyHex: raw.toString("hex"),
    instanceId: createHash("sha256").update(raw).digest("hex").slice(0, 32),
  };
}

/** The instance's evidence signing key pair, derived from its audit key. */
export function deriveEvidenceSigningKey(auditKey: Buffer): EvidenceSigningKey {
  const seed = Buffer.from(hkdfSync("sha256", auditKey, DERIVATION_SALT, DERIVATION_LABEL, 32));
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: "der", type: "pkcs8" });
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, ...describePublicKey(publicKey) };
}

/**
 * Reads a pinned public key as an auditor has it: SPKI PEM (`-----BEGIN PUBLIC KEY-----`) or the
 * 64 hex digits of the raw key. Throws INVALID_INPUT naming `publicKey` for anything else.
 */
export function parseEvidencePublicKey(text: string): { publicKey: KeyObject; publicKeyHex: string } {
  const trimmed = text.trim();
  try {
    const publicKey = /^[0-9a-f]{64}$/i.test(trimmed)
      ? createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(trimmed, "hex")]), format: "der", type: "spki" })
      : createPublicKey({ key: trimmed, format: "pem" });
    if (publicKey.asymmetricKeyType !== "ed25519") throw new Error("not Ed25519");
    return { publicKey, publicKeyHex: describePublicKey(publicKey).publicKeyHex };
  } catch {
    throw new AppError(
      "INVALID_INPUT",
      "publicKey: not an Ed25519 public key (expected a PEM block 'BEGIN PUBLIC KEY' or 64 hex digits)",
      "publicKey",
    );
  }
}
