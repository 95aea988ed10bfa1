import "server-only";
import type pg from "pg";
import { SyncBusyError } from "@/lib/sync/errors";

/**
 * Advisory lock namespace of "one sync per source" (two-key form: this class, hash of the source
 * id). Sweep approval takes the same lock, so it never races a running sync of that source.
 * A session lock: it is released explicitly, and by PostgreSQL when the session dies (a killed
 * worker never leaves a source locked).
 */
const SOURCE_LOCK_CLASS = 7_372_003;

export type LockMode = "wait" | "fail";

export async function acquireSourceLock(client: pg.ClientBase, sourceId: string, mode: LockMode): Promise<void> {
  if (mode === "wait") {
    await client.query(`SELECT pg_advisory_lock($1, hashtext($2))`, [SOURCE_LOCK_CLASS, sourceId]);
    return;
  }
  const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked`, [
    SOURCE_LOCK_CLASS,
    sourceId,
  ]);
  if (!rows[0]?.locked) throw new SyncBusyError(sourceId);
}

export async function releaseSourceLock(client: pg.ClientBase, sourceId: string): Promise<void> {
  await client.query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [SOURCE_LOCK_CLASS, sourceId]);
}
