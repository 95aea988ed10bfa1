import "server-only";
import { createFingerprinter } from "@/connectors/sdk";
import { finishRun, failRun, type FinishContext } from "@/lib/sync/finish-run";
import { mergeUnit } from "@/lib/sync/merge-unit";
import { ProgressReporter } from "@/lib/sync/progress";
import { acquireSourceLock, releaseSourceLock } from "@/lib/sync/run-lock";
import { RunState } from "@/lib/sync/run-state";
import { safeErrorText } from "@/lib/sync/secret-guard";
import { openRunSession } from "@/lib/sync/session";
import { Stager } from "@/lib/sync/stager";
import { startRun } from "@/lib/sync/start-run";
import { loadUnit } from "@/lib/sync/unit-loader";
import type { RunOptions, RunSummary, WorkUnit } from "@/lib/sync/types";

/**
 * Runs one sync of one source (ARCHITECTURE.md "Sync lifecycle") on ONE dedicated connection:
 * lock the source → bump its generation and open a run → per unit: pages → transform → validate
 * → COPY into TEMP staging → merge in one transaction with its audit events → at the end, sweep
 * every clean (scope, stream) and record the outcome in one transaction.
 *
 * Page, item and staging failures are reported in the summary (the run is then partial or
 * failed and nothing of the affected streams is retired). Infrastructure failures (the database
 * going away) are thrown after the run is marked failed where that is still possible.
 * Throws SyncBusyError (SYNC_BUSY) when lockMode is "fail" and the source is being synced.
 */
export async function executeRun(options: RunOptions, units: Iterable<WorkUnit> | AsyncIterable<WorkUnit>): Promise<RunSummary> {
  const client = await openRunSession(options.connectionString);
  let locked = false;
  try {
    await acquireSourceLock(client, options.sourceId, options.lockMode ?? "wait");
    locked = true;
    const run = await startRun(client, options);
    const state = new RunState();
    const ctx: FinishContext = {
      actor: options.actor,
      runId: run.runId,
      sourceId: options.sourceId,
      generation: run.generation,
      mode: options.mode,
      auditKey: options.auditKey,
      sweep: options.sweep,
      threshold: options.sweepThreshold,
      unitsIncomplete: false,
    };
    const progress = new ProgressReporter(client, run.runId, options.onProgress, Array.isArray(units) ? units.length : null);
    const stager = new Stager(client, state.typeKinds, options.tuning?.chunkBytes);
    const fingerprint = createFingerprinter(options.fingerprintKey);
    const defaultEnvironment = options.defaultEnvironment ?? run.sourceEnvironment ?? undefined;
    try {
      try {
        for await (const unit of guardUnits(units)) {
          progress.startUnit(unit.stream.name, unit.scope.id, unit.step);
          const group = state.group(unit.scope.id, unit.stream);
          const outcome = await loadUnit(unit, {
            stager,
            progress,
            state,
            group,
            fingerprint,
            defaultEnvironment,
          });
          if (outcome.loadable) {
            await mergeUnit(client, { ...ctx, auditKey: options.auditKey }, stager, state);
            state.unitsMerged += 1;
          } else {
            state.unitsFailed += 1;
          }
          if (!outcome.clean) group.clean = false;
          await stager.reset();
          progress.unitDone();
          await progress.report();
        }
      } catch (error) {
        if (!(error instanceof UnitsIterationError)) throw error;
        ctx.unitsIncomplete = true;
        state.addError({ origin: "runner", stream: "", scope: "", reason: `the list of work units failed: ${safeErrorText(error.cause)}` });
      }
      return await finishRun(client, ctx, state, progress);
    } catch (error) {
      await failRun(client, ctx, state, error).catch(() => undefined);
      throw error;
    }
  } finally {
    if (locked) await releaseSourceLock(client, options.sourceId).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

/** The producer of units (an importer walking files, a live traversal) threw. */
class UnitsIterationError extends Error {}

/** Separates failures of the unit producer from failures inside the loop that consumes it. */
async function* guardUnits(units: Iterable<WorkUnit> | AsyncIterable<WorkUnit>): AsyncGenerator<WorkUnit> {
  const iterator = Symbol.asyncIterator in units ? units[Symbol.asyncIterator]() : units[Symbol.iterator]();
  for (;;) {
    let next: IteratorResult<WorkUnit>;
    try {
      next = await iterator.next();
    } catch (error) {
      throw new UnitsIterationError("units failed", { cause: error });
    }
    if (next.done) return;
    yield next.value;
  }
}
