import "server-only";
import { inTransaction, type SqlTarget } from "@/lib/policy/sql-executor";
import { loadRuleThresholds } from "@/lib/policy/thresholds";
import { RISK_BASE, RISK_CAP, RISK_WEIGHTS } from "@/lib/risk/risk-formula";
import { REMOVE_GONE_RISK_SCORES, UPSERT_RISK_SCORES } from "@/lib/risk/risk-sql";

export type RiskRefreshCounts = {
  /** Present identities scored. */
  computed: number;
  /** Rows inserted or changed (unchanged scores are not rewritten). */
  written: number;
  /** Rows of identities that are gone or deleted. */
  removed: number;
};

/** Serialises refreshes: two at once would race on the same rows (after-load and the daily job). */
const RISK_REFRESH_LOCK = 7_372_011;

/** The rule whose maximum age the age factor measures against (same thresholds, same overrides). */
const ROTATION_RULE = "credential-max-age";

/**
 * Recomputes every present identity's risk score (docs/risk.md) as of `now`, in one transaction:
 * set-based SQL over the whole inventory, writing only rows whose score or factors changed and
 * removing those of identities that are gone. Exposure reads the secrets rules' findings, so run
 * it after the policies were evaluated.
 */
export async function refreshRiskScores(target: SqlTarget, now: Date): Promise<RiskRefreshCounts> {
  return inTransaction(target, async (executor) => {
    await executor.query("SELECT pg_advisory_xact_lock($1)::text", [RISK_REFRESH_LOCK]);
    // One statement of large hash joins and sorts: the default 4 MB spills at a million credentials.
    await executor.query("SET LOCAL work_mem = '128MB'");
    await executor.query("SET LOCAL jit = off");
    const thresholds = (await loadRuleThresholds(executor)).get(ROTATION_RULE);
    if (!thresholds) throw new Error(`The policy catalogue has no ${ROTATION_RULE} rule.`);
    const [counts] = await executor.query<{ computed: number; written: number }>(UPSERT_RISK_SCORES, [
      now,
      JSON.stringify(thresholds),
      JSON.stringify(RISK_WEIGHTS),
      RISK_BASE,
      RISK_CAP,
    ]);
    const removed = await executor.query<{ n: number }>(`WITH d AS (${REMOVE_GONE_RISK_SCORES} RETURNING 1) SELECT count(*)::int AS n FROM d`, [now]);
    return { computed: Number(counts?.computed ?? 0), written: Number(counts?.written ?? 0), removed: Number(removed[0]?.n ?? 0) };
  });
}

/** For the worker's daily job: ages cross the rotation policy with the calendar, not only with syncs. */
export async function refreshRiskScoresDaily(target: SqlTarget): Promise<RiskRefreshCounts> {
  return refreshRiskScores(target, new Date());
}
