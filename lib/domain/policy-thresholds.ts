import { environmentClass, type EnvironmentClass } from "@/lib/domain/environment-class";

/**
 * How a rule's thresholds resolve for one record's environment. Most specific wins:
 *   1. an override for that exact environment name (`staging`),
 *   2. an override for its class (`prod` or `non-prod`),
 *   3. the catalogue default for its class, or the catalogue's single default.
 * `prod` and `non-prod` in an override name the classes; any other name is an exact environment.
 */
export type ThresholdDefault = number | Record<EnvironmentClass, number>;

export type ThresholdOverride = { key: string; environment: string; value: number };

/** One threshold as the SQL rules receive it (as JSON): per class, plus exact-environment overrides. */
export type ResolvedThreshold = Record<EnvironmentClass, number> & { environments: Record<string, number> };

export function isEnvironmentClass(name: string): name is EnvironmentClass {
  return name === "prod" || name === "non-prod";
}

/** Environment names are compared lower-cased and trimmed everywhere. */
export function normaliseEnvironment(name: string): string {
  return name.trim().toLowerCase();
}

export function resolveThresholds(
  defaults: Record<string, ThresholdDefault>,
  overrides: readonly ThresholdOverride[],
): Record<string, ResolvedThreshold> {
  const resolved: Record<string, ResolvedThreshold> = {};
  for (const [key, fallback] of Object.entries(defaults)) {
    const base = typeof fallback === "number" ? { prod: fallback, "non-prod": fallback } : fallback;
    const entry: ResolvedThreshold = { ...base, environments: {} };
    for (const override of overrides) {
      if (override.key !== key) continue;
      const environment = normaliseEnvironment(override.environment);
      if (isEnvironmentClass(environment)) entry[environment] = override.value;
      else entry.environments[environment] = override.value;
    }
    resolved[key] = entry;
  }
  return resolved;
}

/** The value that applies to a record in `environment` (the SQL rules compute the same). */
export function thresholdFor(threshold: ResolvedThreshold, environment: string | null | undefined): number {
  if (environment) {
    const exact = threshold.environments[normaliseEnvironment(environment)];
    if (exact !== undefined) return exact;
  }
  return threshold[environmentClass(environment)];
}
