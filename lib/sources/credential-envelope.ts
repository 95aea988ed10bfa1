import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/*
 * Envelope encryption of a source's secret config fields (PRODUCT.md principle 4). Each seal draws
 * a fresh 256-bit data key (DEK) that encrypts the secrets; the DEK itself is encrypted ("wrapped")
 * under a key-encryption key derived from the instance's encryption key. Both layers are
 * AES-256-GCM with a random 96-bit IV and their 128-bit tag kept, and both bind the source id as
 * additional authenticated data, so a sealed blob copied onto another source does not open.
 *
 * Layout (version 1): version byte | wrap IV (12) | wrap tag (16) | wrapped DEK (32) | IV (12) | tag (16) | ciphertext.
 * The version byte lets a later scheme (a KMS-held KEK, say) coexist with rows sealed by this one.
 */

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES + KEY_BYTES + IV_BYTES + TAG_BYTES;

/** HKDF `info`: a key derived for this purpose is useless for any other use of the root key. */
const KEK_INFO = "keyward/source-credentials/kek/v1";

/** A sealed blob that does not open: wrong key, another source's blob, or tampered bytes. */
export class CredentialEnvelopeError extends Error {
  readonly code = "CREDENTIALS_UNREADABLE";
}

function deriveKek(encryptionKey: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", encryptionKey, Buffer.alloc(0), KEK_INFO, KEY_BYTES));
}

function aad(sourceId: string): Buffer {
  return Buffer.from(`keyward-source:${sourceId}`, "utf8");
}

function gcmSeal(key: Buffer, plaintext: Buffer, additional: Buffer): { iv: Buffer; tag: Buffer; ciphertext: Buffer } {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additional);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ciphertext };
}

function gcmOpen(key: Buffer, iv: Buffer, tag: Buffer, ciphertext: Buffer, additional: Buffer): Buffer {
  const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(additional);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

/** Encrypts `secrets` (secret config fields by name) for the source `sourceId`. */
export function sealSecrets(secrets: Record<string, unknown>, sourceId: string, encryptionKey: Buffer): Buffer {
  const dek = randomBytes(KEY_BYTES);
  const wrapped = gcmSeal(deriveKek(encryptionKey), dek, aad(sourceId));
  const body = gcmSeal(dek, Buffer.from(JSON.stringify(secrets), "utf8"), aad(sourceId));
  return Buffer.concat([Buffer.from([VERSION]), wrapped.iv, wrapped.tag, wrapped.ciphertext, body.iv, body.tag, body.ciphertext]);
}

/** Decrypts what `sealSecrets` sealed for the same source with the same key. */
export function openSecrets(sealed: Uint8Array, sourceId: string, encryptionKey: Buffer): Record<string, unknown> {
  const blob = Buffer.from(sealed);
  if (blob.length < HEADER_BYTES) throw new CredentialEnvelopeError("stored credentials are truncated");
  if (blob[0] !== VERSION) throw new CredentialEnvelopeError(`stored credentials use unknown envelope version ${blob[0]}`);
  let at = 1;
  const take = (n: number) => blob.subarray(at, (at += n));
  const [wrapIv, wrapTag, wrappedDek, iv, tag] = [take(IV_BYTES), take(TAG_BYTES), take(KEY_BYTES), take(IV_BYTES), take(TAG_BYTES)];
  const ciphertext = blob.subarray(at);
  try {
    const dek = gcmOpen(deriveKek(encryptionKey), wrapIv, wrapTag, wrappedDek, aad(sourceId));
    const parsed: unknown = JSON.parse(gcmOpen(dek, iv, tag, ciphertext, aad(sourceId)).toString("utf8"));
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
    return parsed as Record<string, unknown>;
  } catch {
    // No detail: the reason (bad tag, bad JSON) says nothing useful and must not echo content.
    throw new CredentialEnvelopeError("stored credentials cannot be decrypted with this instance's encryption key");
  }
}
