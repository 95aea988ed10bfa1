import { describe, expect, it } from "vitest";
import { CredentialEnvelopeError, openSecrets, sealSecrets } from "@/lib/sources/credential-envelope";

const KEY = Buffer.alloc(32, 0x41);
const OTHER_KEY = Buffer.alloc(32, 0x42);
const SOURCE = "0b5f6f7e-8a51-4c3e-9c1c-6a1c1d2e3f40";
const SECRET = "s3cr3t-Canary-Value-1234567890";

describe("credential envelope", () => {
  it("opens what it sealed, for the same source and key", () => {
    const sealed = sealSecrets({ password: SECRET, token: "t" }, SOURCE, KEY);
    expect(openSecrets(sealed, SOURCE, KEY)).toEqual({ password: SECRET, token: "t" });
  });

  it("never holds the value in clear, and seals the same value differently each time (fresh IV and data key)", () => {
    const a = sealSecrets({ password: SECRET }, SOURCE, KEY);
    const b = sealSecrets({ password: SECRET }, SOURCE, KEY);
    expect(a.includes(Buffer.from(SECRET))).toBe(false);
    expect(a.equals(b)).toBe(false);
    expect(a[0]).toBe(1); // version byte
  });

  it("refuses another key, another source, a tampered byte, a truncated blob and an unknown version", () => {
    const sealed = sealSecrets({ password: SECRET }, SOURCE, KEY);
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 0x01;
    const wrongVersion = Buffer.from(sealed);
    wrongVersion[0] = 9;
    for (const attempt of [
      () => openSecrets(sealed, SOURCE, OTHER_KEY),
      () => openSecrets(sealed, "5a0d7a22-0000-4000-8000-000000000001", KEY),
      () => openSecrets(tampered, SOURCE, KEY),
      () => openSecrets(sealed.subarray(0, 20), SOURCE, KEY),
      () => openSecrets(wrongVersion, SOURCE, KEY),
    ]) {
      expect(attempt).toThrow(CredentialEnvelopeError);
    }
  });

  it("does not echo content in its errors", () => {
    const sealed = sealSecrets({ password: SECRET }, SOURCE, KEY);
    try {
      openSecrets(sealed, SOURCE, OTHER_KEY);
      expect.unreachable();
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(SECRET);
    }
  });
});
