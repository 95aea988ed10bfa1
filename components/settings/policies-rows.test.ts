import { describe, expect, it } from "vitest";
import { findRule } from "@/lib/policy/catalogue";
import type { PolicyDto } from "@/lib/policy/policy-settings";
import { toPolicyRows } from "@/components/settings/policies-rows";

const rule = (id: string, effectiveThresholds: PolicyDto["effectiveThresholds"]): PolicyDto => ({ ...findRule(id)!, effectiveThresholds });

describe("toPolicyRows", () => {
  it("shows the catalogue defaults and no override when nothing is set", () => {
    const [row] = toPolicyRows([rule("credential-max-age", { maxAgeDays: { prod: 90, "non-prod": 180, environments: {}, criticalities: {} } })]);
    expect(row!.thresholds).toEqual([
      {
        key: "maxAgeDays",
        description: "Maximum age since creation or last rotation",
        unit: "days",
        min: 1,
        max: 3650,
        defaults: { prod: 90, "non-prod": 180 },
        sameDefault: false,
        overrides: [],
      },
    ]);
    expect(row!.controls).toEqual([
      { framework: "nist-csf-2.0", label: "NIST CSF", ids: ["PR.AA-01"] },
      { framework: "soc2", label: "SOC 2", ids: ["CC6.1"] },
      { framework: "pci-dss-4.0", label: "PCI DSS", ids: ["8.3.9", "8.6.3"] },
      { framework: "dora", label: "DORA", ids: ["Art. 9(4)(d)"] },
    ]);
  });

  it("lists class, criticality and environment overrides with the target that changes each", () => {
    const [row] = toPolicyRows([
      rule("no-expiry", {
        maxValidityDays: { prod: 180, "non-prod": 365, environments: { staging: 90, dev: 400 }, criticalities: { critical: 30, low: 700 } },
      }),
    ]);
    expect(row!.thresholds[0]!.sameDefault).toBe(true);
    expect(row!.thresholds[0]!.overrides).toEqual([
      { kind: "class", target: "prod", label: "prod", value: 180 },
      { kind: "criticality", target: "criticality:low", label: "criticality low", value: 700 },
      { kind: "criticality", target: "criticality:critical", label: "criticality critical", value: 30 },
      { kind: "environment", target: "dev", label: "dev", value: 400 },
      { kind: "environment", target: "staging", label: "staging", value: 90 },
    ]);
  });

  it("gives a rule without thresholds an empty list", () => {
    expect(toPolicyRows([rule("no-owner", {})])[0]!.thresholds).toEqual([]);
  });
});
