import "server-only";
import { AppError } from "@/lib/errors";
import { getCatalogue, type PolicyRule, type SubjectType } from "@/lib/policy/catalogue";
import { RULE_QUERIES } from "@/lib/policy/rules";
import { loadRuleThresholds } from "@/lib/policy/thresholds";
import type { SqlExecutor } from "@/lib/policy/sql-executor";

export type Violation = {
  rule: string;
  severity: string;
  owasp: string;
  subjectType: SubjectType;
  subjectId: string;
  evidence: Record<string, unknown>;
};

/** The catalogue rules to evaluate: all, or the named ones (an unknown id is INVALID_INPUT on `rule`). */
export function selectRules(ruleIds?: readonly string[]): PolicyRule[] {
  const rules = getCatalogue().rules;
  if (!ruleIds) return rules;
  for (const id of ruleIds) {
    if (!rules.some((rule) => rule.id === id)) throw new AppError("INVALID_INPUT", `Unknown policy rule "${id}".`, "rule");
  }
  return rules.filter((rule) => ruleIds.includes(rule.id));
}

/**
 * The rule's SQL as a subquery. Rules without thresholds never mention $2, and PostgreSQL refuses
 * a parameter it cannot type, so the wrapper always does (a constant, folded away by the planner).
 */
function ruleSubquery(rule: PolicyRule): string {
  const query = RULE_QUERIES.get(rule.id);
  // The catalogue and the SQL ship together; a rule without SQL is a packaging bug.
  if (!query) throw new Error(`policy rule ${rule.id} has no SQL in lib/policy/rules`);
  return `(SELECT * FROM (${query.sql}) r WHERE $2::jsonb IS NOT NULL)`;
}

/** Per rule: violations found and milliseconds its query took. */
export type StagedRule = { violations: number; ms: number };

/**
 * Writes every violation of `rules` as of `asOf` into the session's temporary table
 * `kw_violations` (created here, dropped at commit). One INSERT … SELECT per rule: the rows never
 * leave the database.
 */
export async function stageViolations(executor: SqlExecutor, asOf: Date, rules: readonly PolicyRule[]): Promise<Record<string, StagedRule>> {
  await executor.query(`CREATE TEMP TABLE kw_violations (
    rule text NOT NULL, severity text NOT NULL, owasp text NOT NULL,
    subject_type text NOT NULL, subject_id uuid NOT NULL, evidence jsonb NOT NULL) ON COMMIT DROP`);
  const thresholds = await loadRuleThresholds(executor);
  const staged: Record<string, StagedRule> = {};
  for (const rule of rules) {
    const started = performance.now();
    const rows = await executor.query<{ n: number }>(
      `WITH inserted AS (
         INSERT INTO kw_violations (rule, severity, owasp, subject_type, subject_id, evidence)
         SELECT $3, $4, $5, v.subject_type, v.subject_id, v.evidence FROM ${ruleSubquery(rule)} v
         RETURNING 1)
       SELECT count(*)::int AS n FROM inserted`,
      [asOf, JSON.stringify(thresholds.get(rule.id) ?? {}), rule.id, rule.severity, rule.owasp],
    );
    staged[rule.id] = { violations: Number(rows[0]?.n ?? 0), ms: Math.round(performance.now() - started) };
  }
  // Built once after loading (half the cost of maintaining it row by row). Unique: a rule that
  // yields a subject twice is a bug, and fails the evaluation here rather than skewing findings.
  await executor.query("CREATE UNIQUE INDEX ON kw_violations (subject_id, rule, subject_type)");
  await executor.query("ANALYZE kw_violations");
  return staged;
}

/** Every violation of `rules` as of `asOf`, read without writing anything (point-in-time views). */
export async function collectViolations(executor: SqlExecutor, asOf: Date, rules: readonly PolicyRule[]): Promise<Violation[]> {
  const thresholds = await loadRuleThresholds(executor);
  const violations: Violation[] = [];
  for (const rule of rules) {
    const rows = await executor.query<{ subject_type: SubjectType; subject_id: string; evidence: Record<string, unknown> }>(
      `SELECT v.subject_type, v.subject_id::text AS subject_id, v.evidence FROM ${ruleSubquery(rule)} v ORDER BY 1, 2`,
      [asOf, JSON.stringify(thresholds.get(rule.id) ?? {})],
    );
    for (const row of rows) {
      violations.push({ rule: rule.id, severity: rule.severity, owasp: rule.owasp, subjectType: row.subject_type, subjectId: row.subject_id, evidence: row.evidence });
    }
  }
  return violations;
}
