import "server-only";
import pg from "pg";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import { callerAsActor, requirePermission, type Caller } from "@/lib/auth/session-context";
import { AppError } from "@/lib/errors";
import { QUEUES } from "@/lib/jobs/queues";
import type { SyncJobData } from "@/lib/jobs/sync-queue";
import { resolveDatabaseUrl } from "@/lib/runtime/database";
import { getInstanceKeys } from "@/lib/runtime/instance-keys";
import { findConnectorType } from "@/lib/sources/connector-catalogue";
import { parseSourceId } from "@/lib/sources/read-sources";
import { getSyncSender } from "@/lib/sources/sync-sender";

export type SyncRequest = {
  /** The new job's id; null when a sync of this source was already queued (it covers this request). */
  jobId: string | null;
};

/**
 * "Sync now": queues a live sync of the source for a worker. The job row and the
 * `sync.requested` audit event commit in one transaction (pg-boss sends through our client).
 * The queue's "stately" policy keeps one queued and one active sync per source
 * (lib/jobs/sync-queue.ts); a request while one is queued is absorbed by it.
 */
export async function requestSync(caller: Caller, id: string, options: { connectionString?: string } = {}): Promise<SyncRequest> {
  requirePermission(caller, "sync:run");
  const sourceId = parseSourceId(id);
  const connectionString = options.connectionString ?? resolveDatabaseUrl();
  const boss = await getSyncSender(connectionString);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("BEGIN");
    // FOR SHARE: a delete of the source waits for this request or finds it committed.
    const { rows } = await client.query<{ provider: string; name: string }>(`SELECT provider, name FROM sources WHERE id = $1 FOR SHARE`, [sourceId]);
    const source = rows[0];
    if (!source) throw new AppError("NOT_FOUND", "That source does not exist.");
    if (!findConnectorType(source.provider)?.liveSync) {
      throw new AppError("CONFLICT", `${source.name} is filled from files: upload them with "Import files" instead.`);
    }
    const data: SyncJobData = { sourceId, requestedBy: caller.email };
    const jobId = await boss.send(QUEUES.sync, data, {
      singletonKey: sourceId,
      db: { executeSql: (text: string, values: unknown[]) => client.query(text, values) },
    });
    await appendAuditEvents(
      client,
      [{ actor: callerAsActor(caller), action: "sync.requested", target: { type: "source", id: sourceId }, summary: { name: source.name, jobId, alreadyQueued: jobId === null } }],
      getInstanceKeys().auditKey,
    );
    await client.query("COMMIT");
    return { jobId };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
