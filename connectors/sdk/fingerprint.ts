import { createHmac } from "node:crypto";
import { SdkError } from "./errors";

/**
 * Minimum fingerprint key length: 32 bytes, the SHA-256 output length. RFC 2104 §3 discourages
 * HMAC keys shorter than the hash output, and a guessable key would let anyone holding a dump
 * brute-force the fingerprints of low-entropy secrets (passwords, short tokens) offline.
 */
export const MIN_FINGERPRINT_KEY_BYTES = 32;

/** Prefix naming the algorithm so a future key or algorithm change is visible in the data. */
export const FINGERPRINT_PREFIX = "hmac-sha256:";

/** What a stored fingerprint looks like: the prefix + 64 lowercase hex digits. */
export const FINGERPRINT_PATTERN = /^hmac-sha256:[0-9a-f]{64}$/;

/** A keyed fingerprint string, `hmac-sha256:<64 hex>`. */
export type Fingerprint = `hmac-sha256:${string}`;

/**
 * Computes the keyed fingerprint of a secret value. Transforms receive one of these instead of
 * the key, so connector code can correlate values without ever holding key material.
 */
export type Fingerprinter = (value: string) => Fingerprint;

export class FingerprintKeyError extends SdkError {
  constructor(actualBytes: number) {
    super("fingerprint_key_too_short", `fingerprint key must be at least ${MIN_FINGERPRINT_KEY_BYTES} bytes, got ${actualBytes}`);
  }
}

/**
 * Returns `value => HMAC-SHA256(key, utf8(value))` formatted as a `Fingerprint`.
 *
 * The value is hashed exactly as given (no trimming or case folding): two secrets that differ
 * by a trailing newline are different secrets to the systems that accept them. Callers should
 * not fingerprint empty strings — every empty value would share one fingerprint and look like
 * secret reuse.
 *
 * The key is copied, so later changes to the caller's buffer cannot alter fingerprints, and the
 * fingerprinter keeps no record of the values it has seen.
 */
export function createFingerprinter(key: Buffer): Fingerprinter {
  if (!Buffer.isBuffer(key) || key.length < MIN_FINGERPRINT_KEY_BYTES) {
    throw new FingerprintKeyError(Buffer.isBuffer(key) ? key.length : 0);
  }
  const ownKey = Buffer.from(key);
  return (value: string): Fingerprint => {
    if (typeof value !== "string") throw new TypeError("fingerprint value must be a string");
    const hex = createHmac("sha256", ownKey).update(value, "utf8").digest("hex");
    return `${FINGERPRINT_PREFIX}${hex}`;
  };
}

/** True when `value` is a well-formed fingerprint string. */
export function isFingerprint(value: unknown): value is Fingerprint {
  return typeof value === "string" && FINGERPRINT_PATTERN.test(value);
}

/**
 * Values shorter than this are never partially revealed. A 4-character prefix of a 16+
 * character random secret leaves at least 12 characters (≥ 70 bits for base64) unknown; for a
 * short password or PIN the same prefix would give away most of it.
 */
export const MASK_MIN_LENGTH = 16;

/** How many leading characters a masked hint may show. */
export const MASK_VISIBLE_CHARS = 4;

/** The character that marks hidden content in a masked hint. */
export const MASK_ELLIPSIS = "…";

/**
 * A short human hint for a secret: `"ghp_…"` for a long value, `"…"` for a short one.
 * Length and slicing count code points, so a hint never splits a surrogate pair and never
 * exceeds 8 characters (the limit of `credential.maskedHint`).
 */
export function maskHint(value: string): string {
  const chars = Array.from(value);
  if (chars.length < MASK_MIN_LENGTH) return MASK_ELLIPSIS;
  return chars.slice(0, MASK_VISIBLE_CHARS).join("") + MASK_ELLIPSIS;
}
