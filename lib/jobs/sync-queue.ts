import "server-only";
import type PgBoss from "pg-boss";
import { QUEUES } from "@/lib/jobs/queues";

/** Data of a `sync` job. */
export type SyncJobData = { sourceId: string; requestedBy?: string };

export type SyncQueueOptions = {
  /** Attempts after the first [3]. A sync that fails on a transient error (network, database) retries. */
  retryLimit?: number;
  /** Seconds before the first retry [60]; doubled per attempt (pg-boss `retryBackoff`). */
  retryDelay?: number;
  /** A sync running longer than this is considered dead and retried [4 h]. */
  expireInSeconds?: number;
};

/**
 * Creates the `sync` queue (idempotent). Policy "stately": per singleton key (the source id) at
 * most one job is queued and one is active, so one source never syncs twice at once across any
 * number of workers, a "sync now" while a sync runs queues exactly one follow-up, and further
 * requests meanwhile are absorbed by it. (The runner's advisory lock backs this up for syncs
 * started outside the queue, e.g. `keyward import`.)
 */
export async function createSyncQueue(boss: PgBoss, options: SyncQueueOptions = {}): Promise<void> {
  await boss.createQueue(QUEUES.sync, {
    name: QUEUES.sync,
    policy: "stately",
    retryLimit: options.retryLimit ?? 3,
    retryDelay: options.retryDelay ?? 60,
    retryBackoff: true,
    expireInSeconds: options.expireInSeconds ?? 4 * 60 * 60,
  });
}

/**
 * Asks for a sync of `sourceId`. Returns the job id, or null when one is already queued for that
 * source (it will pick up everything this request would have).
 */
export async function enqueueSync(boss: PgBoss, sourceId: string, requestedBy?: string): Promise<string | null> {
  const data: SyncJobData = requestedBy ? { sourceId, requestedBy } : { sourceId };
  return boss.send(QUEUES.sync, data, { singletonKey: sourceId });
}
