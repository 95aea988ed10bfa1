import { describe, expect, it } from "vitest";
import { computeRiskScore, RISK_FACTORS, RISK_WEIGHTS, riskBand, weightOf, type RiskLevels } from "@/lib/risk/risk-formula";

const baseline: RiskLevels = { privilege: "read", environment: "non-prod", exposure: "none", reuse: "none", age: "within", ownership: "owned" };

describe("computeRiskScore", () => {
  it("scores the baseline identity (read, non-prod, clean, rotated, owned) at the base of 5", () => {
    expect(computeRiskScore(baseline)).toBe(5);
  });

  it("multiplies the base by each factor's weight", () => {
    expect(computeRiskScore({ ...baseline, privilege: "admin" })).toBe(20);
    expect(computeRiskScore({ ...baseline, privilege: "admin", environment: "prod" })).toBe(40);
    expect(computeRiskScore({ ...baseline, privilege: "write", environment: "prod", age: "over", ownership: "no-owner" })).toBe(37.5);
    expect(computeRiskScore({ ...baseline, environment: "prod", exposure: "code", ownership: "no-owner" })).toBe(30);
  });

  it("raises the score with every level above the baseline, factor by factor", () => {
    for (const factor of RISK_FACTORS) {
      const levels = Object.keys(RISK_WEIGHTS[factor]);
      for (const level of levels) {
        const score = computeRiskScore({ ...baseline, [factor]: level } as RiskLevels);
        expect(score).toBe(Math.round(5 * weightOf(factor, level as never) * 10) / 10);
      }
    }
  });

  it("lowers the score of an identity with no known permission", () => {
    expect(computeRiskScore({ ...baseline, privilege: "none" })).toBe(2.5);
  });

  it("caps at 100", () => {
    expect(computeRiskScore({ privilege: "admin", environment: "prod", exposure: "code", reuse: "reused", age: "far-over", ownership: "owner-departed" })).toBe(100);
    expect(computeRiskScore({ ...baseline, privilege: "admin", environment: "prod", exposure: "code" })).toBe(80);
  });

  it("rounds to one decimal", () => {
    expect(computeRiskScore({ ...baseline, privilege: "none", exposure: "plain-config", age: "over", ownership: "owner-departed" })).toBe(8.2);
  });

  it("refuses a level the formula does not know", () => {
    expect(() => computeRiskScore({ ...baseline, privilege: "root" as never })).toThrow(/Unknown privilege level: root/);
  });
});

describe("riskBand", () => {
  it.each([
    [0, "low"],
    [24.9, "low"],
    [25, "medium"],
    [49.9, "medium"],
    [50, "high"],
    [74.9, "high"],
    [75, "critical"],
    [100, "critical"],
  ] as const)("puts %d in %s", (score, band) => {
    expect(riskBand(score)).toBe(band);
  });
});
