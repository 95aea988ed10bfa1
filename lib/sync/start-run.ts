import "server-only";
import type pg from "pg";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import type { AuditEventInput } from "@/lib/audit/audit-hash";
import { SourceNotFoundError } from "@/lib/sync/errors";
import type { RunOptions } from "@/lib/sync/types";

export type StartedRun = { runId: string; generation: bigint; sourceEnvironment: string | null };

/** Recorded on runs whose process died mid-sync (found "running" by the next run, which holds the lock). */
const ABANDONED = { origin: "runner", stream: "", scope: "", reason: "abandoned: the process running this sync stopped before it finished" };

/**
 * Under the source lock: closes runs a dead process left "running", bumps the source's
 * generation and opens this run's row — one transaction.
 */
export async function startRun(client: pg.Client, options: RunOptions): Promise<StartedRun> {
  await client.query("BEGIN");
  try {
    const abandoned = await client.query<{ id: string; generation: string }>(
      `UPDATE sync_runs SET status = 'failed', finished_at = now(), errors = errors || $2::jsonb
       WHERE source_id = $1 AND status = 'running' RETURNING id, generation::text`,
      [options.sourceId, JSON.stringify([ABANDONED])],
    );
    const source = await client.query<{ generation: string; environment: string | null }>(
      `UPDATE sources SET generation = generation + 1 WHERE id = $1 RETURNING generation::text, environment`,
      [options.sourceId],
    );
    const row = source.rows[0];
    if (!row) throw new SourceNotFoundError(options.sourceId);
    const run = await client.query<{ id: string }>(
      `INSERT INTO sync_runs (id, source_id, generation, status, mode, requested_by)
       VALUES (gen_random_uuid(), $1, $2, 'running', $3, $4) RETURNING id`,
      [options.sourceId, row.generation, options.mode, options.actor.label],
    );
    const events: AuditEventInput[] = abandoned.rows.map((r) => ({
      actor: { type: "system", label: "system" },
      action: "sync.failed",
      target: { type: "source", id: options.sourceId },
      summary: { runId: r.id, generation: r.generation, reason: ABANDONED.reason },
    }));
    await appendAuditEvents(client, events, options.auditKey);
    await client.query("COMMIT");
    return { runId: run.rows[0]!.id, generation: BigInt(row.generation), sourceEnvironment: row.environment };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
