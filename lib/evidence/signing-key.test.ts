import { createHash, createPublicKey, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseSignatureFile, signManifest } from "@/lib/evidence/manifest";
import { deriveEvidenceSigningKey, parseEvidencePublicKey } from "@/lib/evidence/signing-key";

describe("evidence signing key", () => {
  it("is derived deterministically from the audit key, and differs per instance", () => {
    const a = deriveEvidenceSigningKey(Buffer.alloc(32, 7));
    expect(deriveEvidenceSigningKey(Buffer.alloc(32, 7)).publicKeyHex).toBe(a.publicKeyHex);
    expect(deriveEvidenceSigningKey(Buffer.alloc(32, 8)).publicKeyHex).not.toBe(a.publicKeyHex);
    expect(a.publicKeyHex).toMatch(/^[0-9a-f]{64}$/);
    expect(a.instanceId).toBe(createHash("sha256").update(Buffer.from(a.publicKeyHex, "hex")).digest("hex").slice(0, 32));
    expect(a.publicKeyHex).not.toContain(Buffer.alloc(32, 7).toString("hex"));
  });

  it("reads a pinned key as PEM or hex, and names the option for anything else", () => {
    const key = deriveEvidenceSigningKey(Buffer.alloc(32, 7));
    expect(parseEvidencePublicKey(key.publicKeyPem).publicKeyHex).toBe(key.publicKeyHex);
    expect(parseEvidencePublicKey(`  ${key.publicKeyHex.toUpperCase()}\n`).publicKeyHex).toBe(key.publicKeyHex);
    expect(() => parseEvidencePublicKey("abc")).toThrow(/^publicKey: not an Ed25519 public key/);
  });

  it("signs so that plain node:crypto verifies it, as docs/evidence.md tells an auditor", () => {
    const key = deriveEvidenceSigningKey(Buffer.alloc(32, 7));
    const manifest = Buffer.from('{"files":[]}\n');
    const sig = parseSignatureFile(signManifest(manifest, key.privateKey))!;
    const digest = createHash("sha256").update(manifest).digest("hex");
    expect(sig.manifestSha256).toBe(digest);
    const message = Buffer.from(`keyward/evidence-pack/v1\nsha256:${digest}`);
    expect(verify(null, message, createPublicKey(key.publicKeyPem), Buffer.from(sig.signature, "base64"))).toBe(true);
    expect(verify(null, Buffer.from(`${message}0`), createPublicKey(key.publicKeyPem), Buffer.from(sig.signature, "base64"))).toBe(false);
  });

  it("treats any changed byte of manifest.sig, even whitespace, as not a signature file", () => {
    const bytes = signManifest(Buffer.from("{}"), deriveEvidenceSigningKey(Buffer.alloc(32, 7)).privateKey);
    expect(parseSignatureFile(bytes)).toBeDefined();
    expect(parseSignatureFile(Buffer.from(bytes.toString().replace("\n", "\r\n")))).toBeUndefined();
    expect(parseSignatureFile(Buffer.from(bytes.toString().replace("==", "A=")))).toBeUndefined();
  });
});
