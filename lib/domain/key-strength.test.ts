import { describe, expect, it } from "vitest";
import { isWeakRsaKey, isWeakSignatureAlgorithm } from "@/lib/domain/key-strength";

describe("key strength", () => {
  it.each(["sha1WithRSAEncryption", "SHA1-RSA", "ecdsa-with-SHA1", "sha-1", "md5WithRSAEncryption", "MD2", "hmac-sha1"])(
    "%s is a weak signature",
    (name) => expect(isWeakSignatureAlgorithm(name)).toBe(true),
  );
  it.each(["sha256WithRSAEncryption", "rsa-sha2-512", "SHA-256", "ecdsa-with-SHA384", "ed25519", "sha512", null])(
    "%s is not a weak signature",
    (name) => expect(isWeakSignatureAlgorithm(name)).toBe(false),
  );
  it("flags RSA keys under the minimum only", () => {
    expect(isWeakRsaKey("RSA", 1024, 2048)).toBe(true);
    expect(isWeakRsaKey("ssh-rsa", 2047, 2048)).toBe(true);
    expect(isWeakRsaKey("rsaEncryption", 2048, 2048)).toBe(false);
    expect(isWeakRsaKey("ECDSA", 256, 2048)).toBe(false);
    expect(isWeakRsaKey("RSA", null, 2048)).toBe(false);
  });
});
