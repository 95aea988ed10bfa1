import { describe, expect, it } from "vitest";
import { criticalityOf, resolveThresholds, thresholdFor } from "@/lib/domain/policy-thresholds";

describe("resolveThresholds", () => {
  const defaults = { maxAgeDays: { prod: 90, "non-prod": 180 }, unusedDays: 90 };

  it("uses the catalogue defaults per environment class", () => {
    const resolved = resolveThresholds(defaults, []);
    expect(thresholdFor(resolved.maxAgeDays!, "production")).toBe(90);
    expect(thresholdFor(resolved.maxAgeDays!, "dev")).toBe(180);
    expect(thresholdFor(resolved.maxAgeDays!, null)).toBe(90);
    expect(thresholdFor(resolved.unusedDays!, "dev")).toBe(90);
  });

  it("prefers an exact environment over its class, and a class override over the default", () => {
    const resolved = resolveThresholds(defaults, [
      { key: "maxAgeDays", environment: "non-prod", value: 120 },
      { key: "maxAgeDays", environment: "Staging", value: 60 },
      { key: "other", environment: "prod", value: 1 },
    ]);
    expect(resolved.maxAgeDays).toEqual({ prod: 90, "non-prod": 120, environments: { staging: 60 }, criticalities: {} });
    expect(thresholdFor(resolved.maxAgeDays!, "STAGING")).toBe(60);
    expect(thresholdFor(resolved.maxAgeDays!, "dev")).toBe(120);
    expect(resolved).not.toHaveProperty("other");
  });

  it("puts a criticality between the exact environment and the class", () => {
    const resolved = resolveThresholds(defaults, [
      { key: "maxAgeDays", environment: "criticality:critical", value: 30 },
      { key: "maxAgeDays", environment: "Criticality:High", value: 45 },
      { key: "maxAgeDays", environment: "staging", value: 60 },
    ]);
    expect(resolved.maxAgeDays!.criticalities).toEqual({ critical: 30, high: 45 });
    expect(thresholdFor(resolved.maxAgeDays!, "prod", "critical")).toBe(30);
    expect(thresholdFor(resolved.maxAgeDays!, "dev", "HIGH")).toBe(45);
    expect(thresholdFor(resolved.maxAgeDays!, "staging", "critical")).toBe(60);
    expect(thresholdFor(resolved.maxAgeDays!, "prod", "low")).toBe(90);
    expect(thresholdFor(resolved.maxAgeDays!, "prod", null)).toBe(90);
  });

  it("reads criticality targets and nothing else as criticalities", () => {
    expect(criticalityOf("criticality:medium")).toBe("medium");
    expect(criticalityOf("criticality:extreme")).toBeNull();
    expect(criticalityOf("prod")).toBeNull();
  });
});
