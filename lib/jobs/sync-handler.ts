import "server-only";
import pg from "pg";
import type PgBoss from "pg-boss";
import type { SyncJobData } from "@/lib/jobs/sync-queue";
import { findConnector, getConnector } from "@/connectors/registry";
import { getInstanceKeys } from "@/lib/runtime/instance-keys";
import { canSyncLive } from "@/lib/sources/connector-catalogue";
import { loadSourceForSync, type SourceForSync } from "@/lib/sources/source-secrets";
import { SourceNotFoundError } from "@/lib/sync/errors";
import { runLiveSync } from "@/lib/sync/live/run-live-sync";
import { evaluateAfterLoad } from "@/lib/policy/evaluate-after-load";

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
 * The live sync of a source: its config with the secret fields decrypted (lib/sources), parsed by
 * its connector and traversed by lib/sync/live. Providers without a live connector (unknown ones,
 * and the files-only Keyward and people connectors) fail naming the provider: such sources are
 * filled by import. A run that ends failed or partial is recorded, not thrown: retrying at once
 * would meet the same provider state; the next schedule or "Sync now" tries again.
 */
export function liveSyncRunner(connectionString: string): SyncRunner {
  return async ({ sourceId, requestedBy }) => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    let source: SourceForSync;
    try {
      const { rows } = await client.query<{ provider: string }>(`SELECT provider FROM sources WHERE id = $1`, [sourceId]);
      if (!rows[0]) throw new SourceNotFoundError(sourceId);
      const connector = findConnector(rows[0].provider);
      if (!connector || !canSyncLive(connector)) throw new NoLiveConnectorError(rows[0].provider);
      source = await loadSourceForSync(client, sourceId, getInstanceKeys().encryptionKey);
    } finally {
      await client.end();
    }
    const keys = getInstanceKeys();
    const actor =
      requestedBy === undefined || requestedBy === "schedule"
        ? ({ type: "system", label: requestedBy ?? "worker" } as const)
        : ({ type: "user", label: requestedBy } as const);
    await runLiveSync({
      connectionString,
      sourceId,
      connector: getConnector(source.provider),
      config: source.config,
      actor,
      fingerprintKey: keys.fingerprintKey,
      auditKey: keys.auditKey,
    });
    // Findings and the dashboard follow the inventory, as after an import.
    await evaluateAfterLoad(connectionString, actor, keys.auditKey);
  };
}

/** The pg-boss handler: one job per fetch (batchSize 1), so a failure retries only that source. */
export function syncJobHandler(run: SyncRunner): PgBoss.WorkHandler<SyncJobData> {
  return async (jobs) => {
    for (const job of jobs) await run(job.data);
  };
}
