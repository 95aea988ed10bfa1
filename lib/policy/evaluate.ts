import "server-only";
import type { AuditActor, AuditEventInput } from "@/lib/audit/audit-hash";
import { appendAuditInChunks, batchEvents, type AuditBatch } from "@/lib/policy/audit-batches";
import { batchedForAudit, STAGE_CHANGES, STAGE_SUPPRESSED, TRANSITIONS } from "@/lib/policy/lifecycle-sql";
import { inTransaction, type SqlTarget } from "@/lib/policy/sql-executor";
import { selectRules, stageViolations } from "@/lib/policy/violations";

export type EvaluateOptions = {
  /** The instant evaluated; also stamped as first seen / resolved. Defaults to now. */
  asOf?: Date;
  /** Who the audit trail names: the sync run's actor, a user who clicked "evaluate", the CLI. */
  actor: AuditActor;
  /** Audit chain key; defaults to the instance's. */
  auditKey?: Buffer;
  /** Evaluate only these rules (their findings alone can resolve). Defaults to every rule. */
  ruleIds?: readonly string[];
};

export type EvaluationSummary = {
  asOf: string;
  violations: number;
  violationsByRule: Record<string, number>;
  /** Where the time went: each rule's query, the lifecycle statements, the audit appends. */
  durationsMs: { rules: Record<string, number>; lifecycle: number; audit: number; total: number };
  opened: number;
  updated: number;
  reopened: number;
  resolved: number;
  auditEvents: number;
};

/** Serialises evaluations: two at once would both insert the same new findings. */
const POLICY_EVALUATION_LOCK = 7_372_010;

/**
 * Hash and sort memory for the rule queries. At a million credentials the default 4 MB makes
 * every aggregate spill to disk; this is per operation and only for this transaction.
 */
const EVALUATION_WORK_MEM = "128MB";

/** Findings changed by one evaluation beyond which it refreshes the table's statistics. */
const ANALYZE_AFTER_CHANGES = 10_000;

type Counter = "opened" | "updated" | "reopened" | "resolved";

const COUNTERS: Record<(typeof TRANSITIONS)[number]["action"], Counter> = {
  "finding.opened": "opened",
  "finding.updated": "updated",
  "finding.reopened": "reopened",
  "finding.resolved": "resolved",
};

/**
 * Evaluates the policies over the whole inventory as of `asOf` and brings `findings` up to date in
 * one transaction: new violations open (or arrive suppressed when a suppression covers them),
 * changed evidence is updated, resolved findings that fire again and accepted findings whose
 * acceptance has expired reopen, findings whose condition cleared resolve; suppressed findings
 * stay suppressed. Every transition is audited in the same transaction, in batches.
 */
export async function evaluatePolicies(target: SqlTarget, options: EvaluateOptions): Promise<EvaluationSummary> {
  const asOf = options.asOf ?? new Date();
  const rules = selectRules(options.ruleIds);
  const started = performance.now();
  return inTransaction(target, async (executor) => {
    await executor.query("SELECT pg_advisory_xact_lock($1)::text", [POLICY_EVALUATION_LOCK]);
    await executor.query(`SET LOCAL work_mem = '${EVALUATION_WORK_MEM}'`);
    // The rule queries are many medium-sized statements: compiling them costs more than it saves.
    await executor.query("SET LOCAL jit = off");
    const staged = await stageViolations(executor, asOf, rules);
    const lifecycleStarted = performance.now();
    await executor.query(STAGE_CHANGES, [asOf, rules.map((r) => r.id)]);
    // Usually empty or tiny (index probes by finding id), a few million rows the first time (hash joins).
    await executor.query("ANALYZE kw_changes");
    await executor.query(STAGE_SUPPRESSED);

    const ruleIds = Object.keys(staged);
    const summary: EvaluationSummary = {
      asOf: asOf.toISOString(),
      violations: ruleIds.reduce((sum, id) => sum + staged[id]!.violations, 0),
      violationsByRule: Object.fromEntries(ruleIds.map((id) => [id, staged[id]!.violations])),
      durationsMs: { rules: Object.fromEntries(ruleIds.map((id) => [id, staged[id]!.ms])), lifecycle: 0, audit: 0, total: 0 },
      opened: 0,
      updated: 0,
      reopened: 0,
      resolved: 0,
      auditEvents: 0,
    };
    const events: AuditEventInput[] = [];
    for (const transition of TRANSITIONS) {
      const batches = await executor.query<AuditBatch>(batchedForAudit(transition.sql), [asOf]);
      for (const batch of batches) summary[COUNTERS[transition.action]] += Number(batch.n);
      events.push(...batchEvents(batches, { actor: options.actor, action: transition.action, reason: transition.reason, extra: { asOf: summary.asOf } }));
    }
    const changed = summary.opened + summary.updated + summary.reopened + summary.resolved;
    // Fresh statistics for the next evaluation, which may come before autovacuum gets round to it.
    if (changed >= ANALYZE_AFTER_CHANGES) await executor.query("ANALYZE findings");
    const auditStarted = performance.now();
    summary.durationsMs.lifecycle = Math.round(auditStarted - lifecycleStarted);
    await appendAuditInChunks(executor.handle, events, options.auditKey);
    summary.auditEvents = events.length;
    summary.durationsMs.audit = Math.round(performance.now() - auditStarted);
    summary.durationsMs.total = Math.round(performance.now() - started);
    return summary;
  });
}
