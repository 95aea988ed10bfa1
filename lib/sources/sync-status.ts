import "server-only";
import { requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { QUEUES } from "@/lib/jobs/queues";
import { listSourceRuns, parseSourceId } from "@/lib/sources/read-sources";
import type { PendingSyncDto, SyncStatusDto } from "@/lib/sources/source-dto";

type JobRow = { state: string; created_on: Date; started_on: Date | null };

const PENDING_STATES: Record<string, PendingSyncDto["state"]> = { created: "queued", retry: "retrying", active: "starting" };

/**
 * A sync job of the source still waiting in pg-boss (or picked up but not yet running: its run
 * row appears once the worker holds the source's lock). pg-boss keeps its jobs in its own schema,
 * which exists only once a worker or a "Sync now" started pg-boss.
 */
async function pendingJob(sourceId: string): Promise<JobRow | null> {
  const db = getDb();
  const [schema] = await db.$queryRaw<{ ready: boolean }[]>`SELECT to_regclass('pgboss.job') IS NOT NULL AS ready`;
  if (!schema?.ready) return null;
  const [job] = await db.$queryRaw<JobRow[]>`
    SELECT state::text, created_on, started_on FROM pgboss.job
    WHERE name = ${QUEUES.sync} AND singleton_key = ${sourceId} AND state IN ('created', 'retry', 'active')
    ORDER BY created_on LIMIT 1`;
  return job ?? null;
}

/**
 * What the progress bar polls: the source's latest run, and the sync job still waiting in the
 * queue, if any (while a run is "running", a waiting job is its queued follow-up).
 */
export async function getSyncStatus(caller: Caller, id: string): Promise<SyncStatusDto> {
  requirePermission(caller, "sync:run");
  const sourceId = parseSourceId(id);
  const exists = await getDb().source.findUnique({ where: { id: sourceId }, select: { id: true } });
  if (!exists) throw new AppError("NOT_FOUND", "That source does not exist.");
  const [[run], job] = await Promise.all([listSourceRuns(sourceId, 1), pendingJob(sourceId)]);
  const pending: PendingSyncDto | null = job
    ? { state: PENDING_STATES[job.state] ?? "queued", since: (job.started_on ?? job.created_on).toISOString() }
    : null;
  return { pending, run: run ?? null };
}
