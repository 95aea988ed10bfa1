import "server-only";
import type PgBoss from "pg-boss";
import { InvalidScheduleError, latestOccurrence } from "@/lib/jobs/cron";
import { enqueueSync } from "@/lib/jobs/sync-queue";

export type ScheduleTick = { enqueued: string[]; invalid: { sourceId: string; reason: string }[] };

type Row = { id: string; schedule: string; since: Date };

/**
 * Enqueues a sync for each source whose cron `schedule` had an occurrence since the last one it
 * was enqueued for (or since the source was created). Runs every minute on one worker (a pg-boss
 * schedule); the claim on `sources.last_scheduled_at` is a compare-and-set, so an occurrence is
 * enqueued once even if two ticks overlap. Occurrences missed while no worker ran collapse into
 * one sync: syncing twice in a row would add nothing.
 */
export async function enqueueDueSyncs(boss: PgBoss, now: Date = new Date()): Promise<ScheduleTick> {
  const db = boss.getDb();
  const { rows } = await db.executeSql(
    `SELECT id, schedule, coalesce(last_scheduled_at, created_at) AS since FROM sources WHERE schedule IS NOT NULL AND schedule <> ''`,
    [],
  );
  const tick: ScheduleTick = { enqueued: [], invalid: [] };
  for (const source of rows as Row[]) {
    let due: Date;
    try {
      due = latestOccurrence(source.schedule, now);
    } catch (error) {
      if (!(error instanceof InvalidScheduleError)) throw error;
      tick.invalid.push({ sourceId: source.id, reason: error.message });
      continue;
    }
    if (due <= new Date(source.since)) continue;
    const claimed = await db.executeSql(
      `UPDATE sources SET last_scheduled_at = $2 WHERE id = $1 AND (last_scheduled_at IS NULL OR last_scheduled_at < $2) RETURNING id`,
      [source.id, due],
    );
    if (claimed.rows.length === 0) continue;
    await enqueueSync(boss, source.id, "schedule");
    tick.enqueued.push(source.id);
  }
  return tick;
}
