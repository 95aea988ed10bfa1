import "server-only";
import type PgBoss from "pg-boss";
import type { Db } from "@/lib/db";
import type { Env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { QUEUES } from "@/lib/jobs/queues";
import { createNotifier } from "@/lib/notify/notifier";
import { deliverComplianceReport, type ReportDeliveryResult } from "@/lib/reports/deliver-report";

/**
 * A delivery job is never retried: a retry after a partial send would e-mail the report twice to
 * the recipients already reached. Failures are audited and logged; the next occurrence sends again.
 */
const DELIVERY_QUEUE: PgBoss.Queue = { name: QUEUES.reportsDeliver, retryLimit: 0, expireInSeconds: 60 * 60 };

/**
 * What one `reports.deliver` job does: build the report now, e-mail it to KEYWARD_REPORT_RECIPIENTS
 * and log the outcome (addresses and the notifier's messages only; never the SMTP URL). A refusal
 * (no SMTP, no recipients) is logged and returns null rather than failing the job.
 */
export function reportDeliveryHandler(db: Db, env: Env, log: (line: string) => void): () => Promise<ReportDeliveryResult | null> {
  return async () => {
    const notifier = createNotifier({ smtpUrl: env.KEYWARD_SMTP_URL, smtpFrom: env.KEYWARD_SMTP_FROM, baseUrl: env.baseUrl });
    try {
      const result = await deliverComplianceReport(db, { recipients: env.KEYWARD_REPORT_RECIPIENTS, now: new Date(), notifier });
      const total = result.delivered.length + result.failed.length;
      log(`worker: compliance report of ${result.asOf} delivered to ${result.delivered.length} of ${total} recipients`);
      for (const { recipient, error } of result.failed) log(`worker: compliance report to ${recipient} not delivered: ${error}`);
      return result;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      log(`worker: compliance report not delivered: ${error.message}`);
      return null;
    } finally {
      notifier.close();
    }
  };
}

/**
 * Scheduled delivery of the compliance report (docs/reports.md "Scheduled delivery") on
 * KEYWARD_REPORT_SCHEDULE (UTC), only when KEYWARD_REPORT_RECIPIENTS and KEYWARD_SMTP_URL are set.
 * pg-boss keeps schedules in its own tables across restarts, so when delivery is off the schedule
 * an earlier configuration left behind is removed; otherwise it would keep firing.
 */
export async function registerReportJobs(boss: PgBoss, db: Db, env: Env, log: (line: string) => void): Promise<void> {
  if (env.KEYWARD_REPORT_RECIPIENTS.length === 0 || !env.KEYWARD_SMTP_URL) {
    if (env.KEYWARD_REPORT_RECIPIENTS.length > 0) log("worker: KEYWARD_REPORT_RECIPIENTS is set but KEYWARD_SMTP_URL is not: the compliance report is not e-mailed");
    await boss.unschedule(QUEUES.reportsDeliver);
    return;
  }
  await boss.createQueue(QUEUES.reportsDeliver, DELIVERY_QUEUE);
  await boss.schedule(QUEUES.reportsDeliver, env.KEYWARD_REPORT_SCHEDULE);
  const deliver = reportDeliveryHandler(db, env, log);
  await boss.work(QUEUES.reportsDeliver, async () => {
    await deliver();
  });
}
