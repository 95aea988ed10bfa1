import "server-only";
import PgBoss from "pg-boss";
import { getDb, type Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { refreshDashboardRollup } from "@/lib/inventory/dashboard-rollup";
import { refreshSearchTrigrams } from "@/lib/inventory/search-trigrams";
import { registerCampaignJobs } from "@/lib/jobs/campaign-jobs";
import { QUEUES, SESSION_RETENTION_DAYS } from "@/lib/jobs/queues";
import { registerReportJobs } from "@/lib/jobs/report-jobs";
import { liveSyncRunner, syncJobHandler, type SyncRunner } from "@/lib/jobs/sync-handler";
import { createSyncQueue, type SyncQueueOptions } from "@/lib/jobs/sync-queue";
import { enqueueDueSyncs } from "@/lib/jobs/sync-schedule";
import { refreshRiskScoresDaily } from "@/lib/risk/refresh-risk-scores";

export type Worker = { stop: () => Promise<void>; boss: PgBoss };

export type WorkerOptions = {
  /** What a `sync` job runs [the live sync of the source]. Tests substitute their own. */
  runSync?: SyncRunner;
  syncQueue?: SyncQueueOptions;
  /** How often an idle worker asks for jobs [2 s]. */
  pollingIntervalSeconds?: number;
  /** Run the minute tick that enqueues scheduled syncs [true]. */
  schedule?: boolean;
  /** Prisma client for the housekeeping jobs [the process-wide one]. */
  db?: Db;
};

/**
 * Starts a pg-boss worker. Any number can run side by side: pg-boss hands each job to one of them,
 * runs each cron schedule once across all of them, and the `sync` queue's policy keeps one sync
 * per source active (sync-queue.ts).
 */
export async function startWorker(
  connectionString: string,
  log: (line: string) => void = console.log,
  options: WorkerOptions = {},
): Promise<Worker> {
  const boss = new PgBoss({ connectionString, schema: "pgboss", application_name: "keyward-worker" });
  boss.on("error", (error) => log(`worker: ${error.message}`));
  await boss.start();
  const polling = options.pollingIntervalSeconds ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {};

  await boss.createQueue(QUEUES.pruneSessions);
  await boss.schedule(QUEUES.pruneSessions, "17 * * * *");
  await boss.work(QUEUES.pruneSessions, async () => {
    const cutoff = new Date(Date.now() - SESSION_RETENTION_DAYS * 24 * 60 * 60 * 1000);
    const { count } = await (options.db ?? getDb()).session.deleteMany({
      where: { OR: [{ expiresAt: { lt: cutoff } }, { revokedAt: { lt: cutoff } }] },
    });
    if (count > 0) log(`worker: pruned ${count} old sessions`);
  });

  await boss.createQueue(QUEUES.dashboardSnapshot);
  await boss.schedule(QUEUES.dashboardSnapshot, "7 0 * * *");
  await boss.work(QUEUES.dashboardSnapshot, async () => {
    const db = options.db ?? getDb();
    await refreshDashboardRollup(db);
    await refreshSearchTrigrams(db);
    await refreshRiskScoresDaily(db);
  });

  await registerCampaignJobs(boss, options.db ?? getDb(), getEnv(), log);
  await registerReportJobs(boss, options.db ?? getDb(), getEnv(), log);

  await createSyncQueue(boss, options.syncQueue);
  await boss.work(QUEUES.sync, { ...polling, batchSize: 1 }, syncJobHandler(options.runSync ?? liveSyncRunner(connectionString)));

  if (options.schedule !== false) {
    await boss.createQueue(QUEUES.syncSchedule);
    await boss.schedule(QUEUES.syncSchedule, "* * * * *");
    await boss.work(QUEUES.syncSchedule, polling, async () => {
      const tick = await enqueueDueSyncs(boss);
      if (tick.enqueued.length > 0) log(`worker: enqueued scheduled syncs of ${tick.enqueued.length} sources`);
      for (const { sourceId, reason } of tick.invalid) log(`worker: source ${sourceId}: schedule ignored: ${reason}`);
    });
  }

  return { boss, stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }) };
}
