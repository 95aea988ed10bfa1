import { environmentClass, type EnvironmentClass } from "@/lib/domain/environment-class";

/**
 * How a rule's thresholds resolve for one record. Most specific wins:
 *   1. an override for that exact environment name (`staging`),
 *   2. an override for the record's criticality (`criticality:high`; the `criticality` tag of the
 *      credential, else of its identity),
 *   3. an override for its environment class (`prod` or `non-prod`),
 *   4. the catalogue default for its class, or the catalogue's single default.
 * `prod` and `non-prod` in an override name the classes, `criticality:<level>` a criticality; any
 * other name is an exact environment.
 */
export type ThresholdDefault = number | Record<EnvironmentClass, number>;

export type ThresholdOverride = { key: string; environment: string; value: number };

/** One threshold as the SQL rules receive it (as JSON): per class, plus exact-environment and criticality overrides. */
export type ResolvedThreshold = Record<EnvironmentClass, number> & { environments: Record<string, number>; criticalities: Record<string, number> };

/** The levels of the `criticality` tag that thresholds can be set for. */
export const CRITICALITIES = ["low", "medium", "high", "critical"] as const;
export type Criticality = (typeof CRITICALITIES)[number];

const CRITICALITY_PREFIX = "criticality:";

/** The criticality an override target names (`criticality:high` → `high`), or null. */
export function criticalityOf(target: string): Criticality | null {
  if (!target.startsWith(CRITICALITY_PREFIX)) return null;
  const level = target.slice(CRITICALITY_PREFIX.length);
  return (CRITICALITIES as readonly string[]).includes(level) ? (level as Criticality) : null;
}

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
    const entry: ResolvedThreshold = { ...base, environments: {}, criticalities: {} };
    for (const override of overrides) {
      if (override.key !== key) continue;
      const environment = normaliseEnvironment(override.environment);
      const criticality = criticalityOf(environment);
      if (criticality) entry.criticalities[criticality] = override.value;
      else if (isEnvironmentClass(environment)) entry[environment] = override.value;
      else entry.environments[environment] = override.value;
    }
    resolved[key] = entry;
  }
  return resolved;
}

/** The value that applies to a record in `environment` with `criticality` (the SQL rules compute the same). */
export function thresholdFor(threshold: ResolvedThreshold, environment: string | null | undefined, criticality?: string | null): number {
  if (environment) {
    const exact = threshold.environments[normaliseEnvironment(environment)];
    if (exact !== undefined) return exact;
  }
  if (criticality) {
    const byCriticality = threshold.criticalities[normaliseEnvironment(criticality)];
    if (byCriticality !== undefined) return byCriticality;
  }
  return threshold[environmentClass(environment)];
}
