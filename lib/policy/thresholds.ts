import "server-only";
import { resolveThresholds, type ResolvedThreshold, type ThresholdOverride } from "@/lib/domain/policy-thresholds";
import { getCatalogue, type PolicyRule } from "@/lib/policy/catalogue";
import type { SqlExecutor } from "@/lib/policy/sql-executor";

/** Each rule's thresholds as its SQL receives them ($2), catalogue defaults merged with overrides. */
export type RuleThresholds = Record<string, ResolvedThreshold>;

export function catalogueDefaults(rule: PolicyRule) {
  return Object.fromEntries(Object.entries(rule.thresholds).map(([key, spec]) => [key, spec.default]));
}

/** Reads the overrides admins set (policy_thresholds) and resolves every rule's thresholds. */
export async function loadRuleThresholds(executor: SqlExecutor): Promise<Map<string, RuleThresholds>> {
  const rows = await executor.query<{ rule: string; key: string; environment: string; value: number }>(
    "SELECT rule, key, environment, value FROM policy_thresholds",
  );
  const byRule = new Map<string, ThresholdOverride[]>();
  for (const row of rows) {
    const list = byRule.get(row.rule) ?? [];
    list.push({ key: row.key, environment: row.environment, value: Number(row.value) });
    byRule.set(row.rule, list);
  }
  return new Map(getCatalogue().rules.map((rule) => [rule.id, resolveThresholds(catalogueDefaults(rule), byRule.get(rule.id) ?? [])]));
}
