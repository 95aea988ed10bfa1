import "server-only";
import PgBoss from "pg-boss";
import { getDb } from "@/lib/db";
import { QUEUES, SESSION_RETENTION_DAYS } from "@/lib/jobs/queues";

export type Worker = { stop: () => Promise<void> };

/**
 * Starts a pg-boss worker. Any number can run side by side: pg-boss hands each job to one of them
 * and runs each cron schedule once across all of them.
 */
export async function startWorker(connectionString: string, log: (line: string) => void = console.log): Promise<Worker> {
  const boss = new PgBoss({ connectionString, schema: "pgboss", application_name: "keyward-worker" });
  boss.on("error", (error) => log(`worker: ${error.message}`));
  await boss.start();

  await boss.createQueue(QUEUES.pruneSessions);
  await boss.schedule(QUEUES.pruneSessions, "17 * * * *");
  await boss.work(QUEUES.pruneSessions, async () => {
    const cutoff = new Date(Date.now() - SESSION_RETENTION_DAYS * 24 * 60 * 60 * 1000);
    const { count } = await getDb().session.deleteMany({
      where: { OR: [{ expiresAt: { lt: cutoff } }, { revokedAt: { lt: cutoff } }] },
    });
    if (count > 0) log(`worker: pruned ${count} old sessions`);
  });

  return { stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }) };
}
