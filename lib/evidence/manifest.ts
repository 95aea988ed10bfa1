import { createHash, sign, verify, type KeyObject } from "node:crypto";
import { z } from "zod";

/*
 * manifest.json lists every other file of the pack with its SHA-256 and size; manifest.sig holds
 * an Ed25519 signature over the manifest's SHA-256 (docs/evidence.md "Signature scheme").
 * Signing the manifest's digest, and recording that digest next to the signature, lets a verifier
 * tell which of the two files was altered: a signature that still verifies over the recorded
 * digest means the signature file is intact and the manifest changed, and vice versa.
 */

export const MANIFEST_PATH = "manifest.json";
export const SIGNATURE_PATH = "manifest.sig";
export const PACK_FORMAT = "keyward/evidence-pack/v1";
/** Prefix of the signed message; binds the signature to this format. */
const SIGNED_MESSAGE_PREFIX = `${PACK_FORMAT}\nsha256:`;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, "a SHA-256 in lowercase hex");

export const manifestSchema = z.object({
  format: z.literal(PACK_FORMAT),
  generatedAt: z.iso.datetime(),
  asOf: z.iso.datetime(),
  instanceId: z.string(),
  generatedBy: z.string(),
  signature: z.object({ algorithm: z.literal("Ed25519"), publicKeyPem: z.string(), publicKeyHex: z.string() }),
  files: z.array(z.object({ path: z.string(), sha256: sha256Hex, size: z.number().int().nonnegative() })),
});
export type EvidenceManifest = z.infer<typeof manifestSchema>;

export const signatureFileSchema = z.object({
  algorithm: z.literal("Ed25519"),
  manifestSha256: sha256Hex,
  /** Base64 of the 64-byte Ed25519 signature over `signedMessage(manifestSha256)`. */
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, "64 bytes in base64"),
});
export type SignatureFile = z.infer<typeof signatureFileSchema>;

export function sha256Of(contents: Buffer | string): string {
  return createHash("sha256").update(contents).digest("hex");
}

export function signedMessage(manifestSha256: string): Buffer {
  return Buffer.from(SIGNED_MESSAGE_PREFIX + manifestSha256, "utf8");
}

/** The manifest's bytes as stored: pretty JSON, files sorted by path, so a diff reads well. */
export function serialiseManifest(manifest: EvidenceManifest): Buffer {
  const files = [...manifest.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return Buffer.from(`${JSON.stringify({ ...manifest, files }, null, 2)}\n`, "utf8");
}

export function signManifest(manifestBytes: Buffer, privateKey: KeyObject): Buffer {
  const manifestSha256 = sha256Of(manifestBytes);
  const signature = sign(null, signedMessage(manifestSha256), privateKey).toString("base64");
  return serialiseSignatureFile({ algorithm: "Ed25519", manifestSha256, signature });
}

export function serialiseSignatureFile(file: SignatureFile): Buffer {
  const { algorithm, manifestSha256, signature } = file;
  return Buffer.from(`${JSON.stringify({ algorithm, manifestSha256, signature }, null, 2)}\n`, "utf8");
}

/**
 * Reads manifest.sig; undefined unless its bytes are exactly what `signManifest` writes (so any
 * changed byte, even whitespace or a base64 padding bit, counts as an alteration).
 */
export function parseSignatureFile(bytes: Buffer): SignatureFile | undefined {
  let parsed: SignatureFile;
  try {
    const result = signatureFileSchema.safeParse(JSON.parse(bytes.toString("utf8")));
    if (!result.success) return undefined;
    parsed = result.data;
  } catch {
    return undefined;
  }
  const canonicalBase64 = Buffer.from(parsed.signature, "base64").toString("base64") === parsed.signature;
  return canonicalBase64 && serialiseSignatureFile(parsed).equals(bytes) ? parsed : undefined;
}

export function signatureVerifies(manifestSha256: string, signature: SignatureFile, publicKey: KeyObject): boolean {
  return verify(null, signedMessage(manifestSha256), publicKey, Buffer.from(signature.signature, "base64"));
}
