import { createHash, createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createFingerprinter,
  FINGERPRINT_PATTERN,
  FingerprintKeyError,
  isFingerprint,
  maskHint,
  MIN_FINGERPRINT_KEY_BYTES,
} from "./fingerprint";

const KEY = Buffer.from("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "hex");

describe("createFingerprinter", () => {
  it("matches the RFC 4231 HMAC-SHA256 known-answer vectors (test cases 6 and 7)", () => {
    // Published vectors, independent of Node's implementation.
    const fingerprint = createFingerprinter(Buffer.alloc(131, 0xaa));
    expect(fingerprint("Test Using Larger Than Block-Size Key - Hash Key First")).toBe(
      "hmac-sha256:60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
    );
    expect(
      fingerprint(
        "This is a test using a larger than block-size key and a larger than block-size data. " +
          "The key needs to be hashed before being used by the HMAC algorithm.",
      ),
    ).toBe("hmac-sha256:9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
  });

  it("matches vectors computed once with node:crypto and written down", () => {
    const fingerprint = createFingerprinter(KEY);
    expect(fingerprint("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")).toBe(
      "hmac-sha256:89457b76e10aa8eff10ef2dffb4c7b976e50bedbbdf3a467dfcfab57d19b7177",
    );
    // UTF-8 encoding of non-ASCII values is part of the contract.
    expect(fingerprint("pässwörd-🔑")).toBe("hmac-sha256:2dc34f45682eca5870f7e34d3898e20ad0674827f3d670591bf5e7a384c663f6");
  });

  it("agrees with an independent node:crypto HMAC for arbitrary values", () => {
    const fingerprint = createFingerprinter(KEY);
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (value) => {
        const expected = createHmac("sha256", KEY).update(Buffer.from(value, "utf8")).digest("hex");
        expect(fingerprint(value)).toBe(`hmac-sha256:${expected}`);
      }),
    );
  });

  it("always matches the stored pattern and never contains the value", () => {
    const fingerprint = createFingerprinter(KEY);
    fc.assert(
      fc.property(fc.string({ minLength: 16, maxLength: 300 }), (value) => {
        const result = fingerprint(value);
        expect(result).toMatch(FINGERPRINT_PATTERN);
        expect(isFingerprint(result)).toBe(true);
        expect(result.includes(value)).toBe(false);
      }),
    );
  });

  it("depends on the key: another key gives another fingerprint, and it is not a plain SHA-256", () => {
    const a = createFingerprinter(KEY);
    const b = createFingerprinter(Buffer.alloc(32, 1));
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (value) => {
        expect(a(value)).not.toBe(b(value));
        expect(a(value)).not.toBe(`hmac-sha256:${createHash("sha256").update(value).digest("hex")}`);
      }),
    );
  });

  it("copies the key, so mutating the caller's buffer later changes nothing", () => {
    const key = Buffer.from(KEY);
    const fingerprint = createFingerprinter(key);
    const before = fingerprint("value");
    key.fill(0);
    expect(fingerprint("value")).toBe(before);
  });

  it(`refuses keys shorter than ${MIN_FINGERPRINT_KEY_BYTES} bytes`, () => {
    expect(() => createFingerprinter(Buffer.alloc(31, 1))).toThrow(FingerprintKeyError);
    expect(() => createFingerprinter(Buffer.alloc(0))).toThrow(/at least 32 bytes, got 0/);
    expect(() => createFingerprinter("a".repeat(64) as unknown as Buffer)).toThrow(FingerprintKeyError);
    expect(() => createFingerprinter(Buffer.alloc(32, 1))).not.toThrow();
  });
});

describe("maskHint", () => {
  it("shows the first 4 characters of values of 16 characters or more", () => {
    expect(maskHint("ghp_1234567890abcdefghij")).toBe("ghp_…");
    expect(maskHint("abcdefghijklmnop")).toBe("abcd…");
  });

  it("reveals nothing of values shorter than 16 characters", () => {
    expect(maskHint("abcdefghijklmno")).toBe("…");
    expect(maskHint("hunter2")).toBe("…");
    expect(maskHint("")).toBe("…");
  });

  it("counts code points and stays within 8 characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 64 }), (value) => {
        const hint = maskHint(value);
        const visible = Array.from(hint).slice(0, -1).join("");
        expect(Array.from(hint).length).toBeLessThanOrEqual(5);
        expect(hint.endsWith("…")).toBe(true);
        expect(value.startsWith(visible)).toBe(true);
        if (Array.from(value).length < 16) expect(hint).toBe("…");
      }),
    );
    // Generating full-range code point strings takes seconds on a loaded 2-core machine.
  }, 30_000);
});
