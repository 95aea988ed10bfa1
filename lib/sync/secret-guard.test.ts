import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findSecretLikeStrings } from "@/connectors/sdk";
import { copyText, jsonPayload } from "@/lib/sync/copy-text";
import { mayHoldSecret, safeErrorText } from "@/lib/sync/secret-guard";

// Every shape the SDK's scanner documents (connectors/sdk/secret-scan.ts), assembled at run time.
const SAMPLES = [
  ["-----BEGIN ", "RSA PRIVATE KEY-----"].join(""),
  ["gh", "p_", "a1B2".repeat(6)].join(""),
  ["gh", "s_", "Z9y8".repeat(6)].join(""),
  ["github", "_pat_", "11AB".repeat(6)].join(""),
  ["gl", "pat-", "x_Y-".repeat(6)].join(""),
  ["xo", "xb-", "12345-abcde"].join(""),
  `aws secret ${["wJalrXUtnFEMI", "/K7MDENG/bPxRfiCY", "EXAMPLEKEY"].join("")}`,
];

const base64 = fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".split(""));

describe("the secret prefilter", () => {
  it("flags every shape the SDK scanner flags, as a field or inside JSON", () => {
    for (const sample of SAMPLES) {
      expect(findSecretLikeStrings({ value: sample }).length).toBeGreaterThan(0);
      expect(mayHoldSecret(copyText(sample, "name"))).toBe(true);
      expect(mayHoldSecret(jsonPayload(["scope", { note: `x\n${sample}\t` }], ["scope", "attributes"]))).toBe(true);
    }
  });

  it("never misses what the SDK scanner finds (random strings around secret-like runs)", () => {
    const candidate = fc.oneof(
      fc.string(),
      fc.tuple(fc.constantFrom("ghp_", "gho_", "github_pat_", "glpat-", "xoxb-", "-----BEGIN ", "secret key "), fc.array(base64, { minLength: 10, maxLength: 50 })).map(([p, cs]) => p + cs.join("")),
      fc.array(base64, { minLength: 38, maxLength: 44 }).map((cs) => `aws_secret=${cs.join("")}`),
    );
    fc.assert(
      fc.property(fc.string(), candidate, fc.string(), (before, middle, after) => {
        const value = `${before}${middle}${after}`;
        fc.pre(!value.includes("\0") && (value as unknown as { isWellFormed(): boolean }).isWellFormed());
        if (findSecretLikeStrings({ secretValue: value }).length > 0) {
          expect(mayHoldSecret(jsonPayload([value], ["secretValue"]))).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("finds every mixed-case base64 run of 40 or more, wherever it lies", () => {
    const naive = (text: string) =>
      text.split(/[^A-Za-z0-9+/]/).some((run) => run.length >= 40 && /[a-z]/.test(run) && /[A-Z]/.test(run));
    const piece = fc.oneof(fc.array(base64, { maxLength: 90 }).map((cs) => cs.join("")), fc.constantFrom('"', ",", " ", "-", ":", "é"));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join("").replace(/-----BEGIN|gh[pousr]_|github_pat_|glpat-|xox[bpas]-/g, "");
        expect(mayHoldSecret(text)).toBe(naive(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("lets ordinary records through without the full scan", () => {
    const fingerprint = `hmac-sha256:${"ab12".repeat(16)}`;
    expect(mayHoldSecret(jsonPayload(["acct", "deploy-key", "2024-05-01T12:00:00Z", fingerprint, { region: "eu-west-1" }], []))).toBe(false);
  });

  it("withholds error messages that look like they carry a secret", () => {
    expect(safeErrorText(new Error(`bad token ${SAMPLES[1]}`))).toMatch(/withheld/);
    expect(safeErrorText(new TypeError("x is not a function"))).toBe("TypeError: x is not a function");
  });
});
