import { describe, expect, it } from "vitest";
import { constrainsSubject } from "@/lib/domain/trust-conditions";

describe("constrainsSubject", () => {
  it("sees a subject condition under the names AWS, GCP and Azure use", () => {
    expect(constrainsSubject([{ key: "token.actions.githubusercontent.com:sub", values: ["repo:acme/api:ref:refs/heads/main"] }])).toBe(true);
    expect(constrainsSubject([{ key: "assertion.sub", values: ["system:serviceaccount:ns:sa"] }])).toBe(true);
    expect(constrainsSubject([{ key: "subject", values: ["repo:acme/api:environment:prod"] }])).toBe(true);
  });

  it("does not count an audience-only trust, a wildcard subject, or a key that merely contains 'sub'", () => {
    expect(constrainsSubject([{ key: "token.actions.githubusercontent.com:aud", values: ["sts.amazonaws.com"] }])).toBe(false);
    expect(constrainsSubject([{ key: "token.actions.githubusercontent.com:sub", values: ["*"] }])).toBe(false);
    expect(constrainsSubject([{ key: "token.actions.githubusercontent.com:sub", values: [] }])).toBe(false);
    expect(constrainsSubject([{ key: "subnet", values: ["10.0.0.0/8"] }])).toBe(false);
    expect(constrainsSubject(undefined)).toBe(false);
    expect(constrainsSubject("sub")).toBe(false);
  });
});
