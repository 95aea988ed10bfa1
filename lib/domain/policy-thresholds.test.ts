import { describe, expect, it } from "vitest";
import { resolveThresholds, thresholdFor } from "@/lib/domain/policy-thresholds";

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
    expect(resolved.maxAgeDays).toEqual({ prod: 90, "non-prod": 120, environments: { staging: 60 } });
    expect(thresholdFor(resolved.maxAgeDays!, "STAGING")).toBe(60);
    expect(thresholdFor(resolved.maxAgeDays!, "dev")).toBe(120);
    expect(resolved).not.toHaveProperty("other");
  });
});
