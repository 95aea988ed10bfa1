import "server-only";
import type pg from "pg";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import type { AuditEventInput } from "@/lib/audit/audit-hash";
import type { AuditContext } from "@/lib/sync/audit-batches";
import type { ProgressReporter } from "@/lib/sync/progress";
import type { RunState } from "@/lib/sync/run-state";
import { safeErrorText } from "@/lib/sync/secret-guard";
import { DEFAULT_SWEEP_THRESHOLD, SWEEP_MIN_PRESENT, sweepableGroups, sweepGroup } from "@/lib/sync/sweep";
import type { RunStatus, RunSummary } from "@/lib/sync/types";

export type FinishContext = AuditContext & {
  generation: bigint;
  mode: string;
  auditKey: Buffer;
  sweep: boolean;
  threshold: number | undefined;
  /** The list of units itself failed: the run cannot know what it missed, so nothing is swept. */
  unitsIncomplete: boolean;
};

function statusOf(state: RunState, ctx: FinishContext): RunStatus {
  const allClean = !ctx.unitsIncomplete && state.unitsFailed === 0 && [...state.groups.values()].every((g) => g.clean);
  if (allClean) return state.held.length > 0 ? "held" : "succeeded";
  return state.unitsMerged > 0 ? "partial" : "failed";
}

export function summaryOf(state: RunState, ctx: FinishContext, status: RunStatus): RunSummary {
  const first = state.held[0];
  return {
    runId: ctx.runId,
    generation: ctx.generation,
    status,
    counts: state.counts,
    errors: state.errors,
    errorCount: state.errorCount,
    coverageGaps: state.coverageGaps,
    held: first ? { scope: first.scope, externalType: first.externalType, wouldRetire: first.wouldRetire, present: first.present } : null,
    heldSweeps: state.held,
  };
}

/** Sweeps the clean groups, then records the outcome and audits it — one transaction. */
export async function finishRun(client: pg.Client, ctx: FinishContext, state: RunState, progress: ProgressReporter): Promise<RunSummary> {
  const threshold = ctx.threshold ?? DEFAULT_SWEEP_THRESHOLD;
  const events: AuditEventInput[] = [];
  await client.query("BEGIN");
  try {
    if (ctx.sweep && !ctx.unitsIncomplete) {
      for (const group of sweepableGroups(state)) events.push(...(await sweepGroup(client, group, { ...ctx, threshold }, state)));
    }
    const status = statusOf(state, ctx);
    progress.finish();
    const heldSweep = state.held.length > 0 ? { threshold, minimumPresent: SWEEP_MIN_PRESENT, entries: state.held } : null;
    await client.query(
      `UPDATE sync_runs SET status = $2, finished_at = now(), progress = $3, counts = $4, coverage_gaps = $5, errors = $6, held_sweep = $7
       WHERE id = $1`,
      [ctx.runId, status, JSON.stringify(progress.progress), JSON.stringify(state.counts), JSON.stringify(state.coverageGaps),
        JSON.stringify(state.errors), heldSweep && JSON.stringify(heldSweep)],
    );
    // Complete = every unit clean AND the run was allowed to retire what it no longer saw.
    if (status === "succeeded" && ctx.sweep) {
      await client.query(`UPDATE sources SET last_complete_sync_at = now() WHERE id = $1`, [ctx.sourceId]);
    }
    events.push({
      actor: ctx.actor,
      action: status === "failed" ? "sync.failed" : "sync.completed",
      target: { type: "source", id: ctx.sourceId },
      summary: {
        runId: ctx.runId,
        generation: ctx.generation.toString(),
        mode: ctx.mode,
        status,
        counts: state.counts,
        errors: state.errorCount,
        coverageGaps: state.coverageGaps.length,
        held: state.held,
      },
    });
    await appendAuditEvents(client, events, ctx.auditKey);
    await client.query("COMMIT");
    return summaryOf(state, ctx, status);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/** After an unexpected error: record the run as failed (best effort; the connection may be gone). */
export async function failRun(client: pg.Client, ctx: FinishContext, state: RunState, error: unknown): Promise<void> {
  const reason = `internal error: ${safeErrorText(error)}`;
  state.addError({ origin: "runner", stream: "", scope: "", reason });
  await client.query("ROLLBACK").catch(() => undefined);
  await client.query("BEGIN");
  await client.query(
    `UPDATE sync_runs SET status = 'failed', finished_at = now(), counts = $2, errors = $3, coverage_gaps = $4 WHERE id = $1`,
    [ctx.runId, JSON.stringify(state.counts), JSON.stringify(state.errors), JSON.stringify(state.coverageGaps)],
  );
  await appendAuditEvents(
    client,
    [{ actor: ctx.actor, action: "sync.failed", target: { type: "source", id: ctx.sourceId }, summary: { runId: ctx.runId, generation: ctx.generation.toString(), reason } }],
    ctx.auditKey,
  );
  await client.query("COMMIT");
}
