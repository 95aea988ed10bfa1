import "server-only";
import pg from "pg";
import type PgBoss from "pg-boss";
import type { SyncJobData } from "@/lib/jobs/sync-queue";
import { SourceNotFoundError } from "@/lib/sync/errors";

/** What the worker does with one `sync` job. Throwing fails the attempt (pg-boss retries it). */
export type SyncRunner = (job: SyncJobData) => Promise<void>;

/** The source's provider has no connector that can list live yet (offline import only). */
export class NoLiveConnectorError extends Error {
  readonly code = "NO_LIVE_CONNECTOR";
  constructor(readonly provider: string) {
    super(`no live connector for provider ${provider}`);
  }
}

/**
 * The live sync of a source. No provider connector lists live yet (connectors arrive in their
 * own issues; until then sources are filled by `keyward import`), so this names the provider and
 * fails; the queue plumbing around it is real. When connectors exist, this builds the work units
 * from the connector's scopes and streams and calls executeRun.
 */
export function liveSyncRunner(connectionString: string): SyncRunner {
  return async ({ sourceId }) => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      const { rows } = await client.query<{ provider: string }>(`SELECT provider FROM sources WHERE id = $1`, [sourceId]);
      if (!rows[0]) throw new SourceNotFoundError(sourceId);
      throw new NoLiveConnectorError(rows[0].provider);
    } finally {
      await client.end();
    }
  };
}

/** The pg-boss handler: one job per fetch (batchSize 1), so a failure retries only that source. */
export function syncJobHandler(run: SyncRunner): PgBoss.WorkHandler<SyncJobData> {
  return async (jobs) => {
    for (const job of jobs) await run(job.data);
  };
}
