import "server-only";
import pg from "pg";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import type { AuditActor, AuditEventInput } from "@/lib/audit/audit-hash";
import { auditRefOf, inventoryEvents } from "@/lib/sync/audit-batches";
import { HeldSweepError } from "@/lib/sync/errors";
import { KIND_SPECS } from "@/lib/sync/kind-specs";
import { acquireSourceLock, releaseSourceLock } from "@/lib/sync/run-lock";
import type { KindCounts, RunCounts } from "@/lib/sync/types";

export type ApproveHeldSweepOptions = {
  connectionString: string;
  runId: string;
  /** When given, the run must be this source's (RUN_NOT_FOUND otherwise): the page names both. */
  sourceId?: string;
  /** The admin approving; recorded on the run and on every `inventory.gone` event. */
  actor: AuditActor;
  auditKey: Buffer;
};

export type ApprovedSweep = { runId: string; sourceId: string; retired: RunCounts };

type RunRow = { source_id: string; status: string; held_sweep: { approvedAt?: string } | null; counts: RunCounts; latest: string };

/**
 * Retires exactly what a held sweep would have retired (kept in sync_held_retirements), audited
 * with the approving actor, in one transaction. Only the source's latest run may be approved:
 * after a newer run the held list no longer describes the inventory (SWEEP_STALE). Takes the
 * source's sync lock, so it never races a sync (SYNC_BUSY if one is running). Like executeRun, it
 * changes records only: the caller runs evaluateAfterLoad for what derives from them (stored owners,
 * findings, rollups).
 */
export async function approveHeldSweep(options: ApproveHeldSweepOptions): Promise<ApprovedSweep> {
  const client = new pg.Client({ connectionString: options.connectionString, application_name: "keyward-sync" });
  await client.connect();
  let sourceId: string | undefined;
  try {
    const { source_id: runSource } = await readRun(client, options.runId);
    if (options.sourceId !== undefined && options.sourceId !== runSource) {
      throw new HeldSweepError("RUN_NOT_FOUND", `run ${options.runId}: not a run of source ${options.sourceId}`);
    }
    sourceId = runSource;
    await acquireSourceLock(client, sourceId, "fail");
    const run = await readRun(client, options.runId); // again, under the lock
    if (!run.held_sweep) throw new HeldSweepError("SWEEP_NOT_HELD", `run ${options.runId}: its sweep was not held`);
    if (run.held_sweep.approvedAt) throw new HeldSweepError("SWEEP_ALREADY_APPROVED", `run ${options.runId}: its held sweep was already approved`);
    if (run.latest !== options.runId) {
      throw new HeldSweepError("SWEEP_STALE", `run ${options.runId}: a newer sync of this source ran since; approve that run's sweep instead`);
    }
    return await retireHeld(client, options, run);
  } finally {
    if (sourceId) await releaseSourceLock(client, sourceId).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

async function readRun(client: pg.Client, runId: string): Promise<RunRow> {
  const { rows } = await client.query<RunRow>(
    `SELECT r.source_id, r.status, r.held_sweep, r.counts,
            (SELECT l.id FROM sync_runs l WHERE l.source_id = r.source_id ORDER BY l.generation DESC, l.started_at DESC LIMIT 1) AS latest
     FROM sync_runs r WHERE r.id = $1`,
    [runId],
  );
  if (!rows[0]) throw new HeldSweepError("RUN_NOT_FOUND", `run ${runId}: no such sync run`);
  return rows[0];
}

async function retireHeld(client: pg.Client, options: ApproveHeldSweepOptions, run: RunRow): Promise<ApprovedSweep> {
  const ctx = { actor: options.actor, runId: options.runId, sourceId: run.source_id };
  const retired: RunCounts = {};
  const counts: RunCounts = structuredClone(run.counts ?? {});
  const events: AuditEventInput[] = [];
  await client.query("BEGIN");
  try {
    for (const spec of KIND_SPECS) {
      const { rows } = await client.query<unknown[]>({
        text: `UPDATE ${spec.table} t SET gone_since = now() FROM sync_held_retirements h
               WHERE h.run_id = $1 AND h.kind = $2 AND t.id = h.node_id::${spec.idType} AND t.gone_since IS NULL
               RETURNING ${spec.auditColumns.map((c) => `t.${c}`).join(", ")}`,
        values: [options.runId, spec.kind],
        rowMode: "array",
      });
      if (rows.length === 0) continue;
      const zero: KindCounts = { added: 0, updated: 0, unchanged: 0, gone: 0, returned: 0 };
      retired[spec.kind] = { ...zero, gone: rows.length };
      counts[spec.kind] = { ...zero, ...counts[spec.kind], gone: (counts[spec.kind]?.gone ?? 0) + rows.length };
      events.push(...inventoryEvents("inventory.gone", spec.kind, rows.map((row) => auditRefOf(spec.kind, row)), ctx));
    }
    await client.query(`DELETE FROM sync_held_retirements WHERE run_id = $1`, [options.runId]);
    const approval = { approvedAt: new Date().toISOString(), approvedBy: options.actor.label };
    const status = run.status === "held" ? "succeeded" : run.status;
    await client.query(`UPDATE sync_runs SET held_sweep = held_sweep || $2::jsonb, status = $3, counts = $4 WHERE id = $1`, [
      options.runId,
      JSON.stringify(approval),
      status,
      JSON.stringify(counts),
    ]);
    // The run is now a complete sync: it saw everything and retired what it no longer saw.
    if (status === "succeeded") await client.query(`UPDATE sources SET last_complete_sync_at = now() WHERE id = $1`, [run.source_id]);
    events.push({
      actor: options.actor,
      action: "sync.sweep_approved",
      target: { type: "source", id: run.source_id },
      summary: { runId: options.runId, retired, status },
    });
    await appendAuditEvents(client, events, options.auditKey);
    await client.query("COMMIT");
    return { runId: options.runId, sourceId: run.source_id, retired };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
