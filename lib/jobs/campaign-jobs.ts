import "server-only";
import type PgBoss from "pg-boss";
import { runCampaignReminders } from "@/lib/campaigns/campaign-reminders";
import { startDueRecurringCampaigns } from "@/lib/campaigns/campaign-recurrence";
import { openMicroReviews, type MicroReviewSettings } from "@/lib/campaigns/micro-reviews";
import type { Db } from "@/lib/db";
import type { Env } from "@/lib/env";
import { QUEUES } from "@/lib/jobs/queues";
import { createNotifier } from "@/lib/notify/notifier";

/** Who reviews a micro-review nobody else can: the configured queue, else the bootstrap admin's address. */
const FALLBACK_SECURITY_QUEUE = "security@localhost";

/** Micro-review settings from the environment (KEYWARD_MICRO_REVIEWS, _DAYS, KEYWARD_SECURITY_QUEUE); null when off. */
export function microReviewSettings(env: Env): MicroReviewSettings | null {
  if (env.KEYWARD_MICRO_REVIEWS === "off") return null;
  const events = new Set(env.KEYWARD_MICRO_REVIEWS.split(","));
  return {
    ownerDeparted: events.has("owner-departed"),
    secretInCode: events.has("secret-in-code"),
    endDatePassed: events.has("end-date"),
    reviewDays: env.KEYWARD_MICRO_REVIEW_DAYS,
    securityQueue: env.KEYWARD_SECURITY_QUEUE ?? env.KEYWARD_ADMIN_EMAIL ?? FALLBACK_SECURITY_QUEUE,
    defaultAction: "keep",
  };
}

/**
 * The campaign jobs of every worker (pg-boss runs each schedule once across workers): reminders and
 * escalation every 5 minutes (idempotent: a reminder is recorded once sent), recurring campaigns
 * started when their cron comes due, micro-reviews opened for new events.
 */
export async function registerCampaignJobs(boss: PgBoss, db: Db, env: Env, log: (line: string) => void): Promise<void> {
  await boss.createQueue(QUEUES.campaignReminders);
  await boss.schedule(QUEUES.campaignReminders, "*/5 * * * *");
  await boss.work(QUEUES.campaignReminders, async () => {
    const notifier = createNotifier({
      smtpUrl: env.KEYWARD_SMTP_URL,
      smtpFrom: env.KEYWARD_SMTP_FROM,
      webhookUrl: env.KEYWARD_WEBHOOK_URL,
      webhookTimeoutMs: env.KEYWARD_WEBHOOK_TIMEOUT_MS,
      baseUrl: env.baseUrl,
    });
    try {
      const summary = await runCampaignReminders(db, new Date(), notifier);
      if (summary.failed.length > 0) log(`worker: ${summary.failed.length} campaign reminders could not be sent; the next pass retries them`);
    } finally {
      notifier.close();
    }
  });

  await boss.createQueue(QUEUES.campaignRecurrence);
  await boss.schedule(QUEUES.campaignRecurrence, "* * * * *");
  await boss.work(QUEUES.campaignRecurrence, async () => {
    const { started, invalid } = await startDueRecurringCampaigns(db, new Date());
    if (started.length > 0) log(`worker: started ${started.length} recurring campaigns`);
    for (const { campaignId, reason } of invalid) log(`worker: campaign ${campaignId}: recurrence ignored: ${reason}`);
  });

  const micro = microReviewSettings(env);
  if (micro) {
    await boss.createQueue(QUEUES.microReviews);
    await boss.schedule(QUEUES.microReviews, "*/15 * * * *");
    await boss.work(QUEUES.microReviews, async () => {
      const { opened } = await openMicroReviews(db, new Date(), micro);
      if (opened.length > 0) log(`worker: opened ${opened.length} micro-reviews`);
    });
  } else {
    // pg-boss keeps schedules across restarts: one left by an earlier `KEYWARD_MICRO_REVIEWS` would
    // keep queuing jobs no worker takes.
    await boss.unschedule(QUEUES.microReviews);
  }
}
