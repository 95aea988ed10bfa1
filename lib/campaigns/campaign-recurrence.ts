import "server-only";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import { InvalidScheduleError, latestOccurrence } from "@/lib/jobs/cron";
import { inTransaction, executorOf, type SqlTarget } from "@/lib/policy/sql-executor";
import { CAMPAIGN_SYSTEM_ACTOR, campaignEvent } from "@/lib/campaigns/campaign-audit";
import { activateIn } from "@/lib/campaigns/campaign-lifecycle";
import { loadCampaign } from "@/lib/campaigns/campaign-rows";

const DAY_MS = 86_400_000;

/**
 * Starts the next occurrence of every recurring campaign whose cron expression came due: a copy
 * of the series' first campaign (filter, exclusions, reviewers' queue, reminders, default action),
 * activated at once, due `reviewDays` later. The series' first campaign must have been activated;
 * cancelling it ends the series. Run it from the worker's minute tick; an occurrence is started once.
 */
export async function startDueRecurringCampaigns(target: SqlTarget, now: Date): Promise<{ started: string[]; invalid: Array<{ campaignId: string; reason: string }> }> {
  const heads = await executorOf(target as Parameters<typeof executorOf>[0]).query<{ id: string; recurrence: string; since: Date }>(
    `SELECT id::text, recurrence, coalesce(last_scheduled_at, activated_at) AS since FROM campaigns
     WHERE recurrence IS NOT NULL AND series_id IS NULL AND status IN ('ACTIVE', 'CLOSED') ORDER BY id`,
  );
  const started: string[] = [];
  const invalid: Array<{ campaignId: string; reason: string }> = [];
  for (const head of heads) {
    let occurrence: Date;
    try {
      occurrence = latestOccurrence(head.recurrence, now);
    } catch (error) {
      if (!(error instanceof InvalidScheduleError)) throw error;
      invalid.push({ campaignId: head.id, reason: error.message });
      continue;
    }
    if (occurrence <= head.since) continue;
    const id = await inTransaction(target, async (x) => {
      const series = await loadCampaign(x, head.id, { lock: true });
      if ((series.last_scheduled_at ?? series.activated_at)! >= occurrence) return null; // another worker was first
      const [{ id: next }] = (await x.query<{ id: string }>(
        `INSERT INTO campaigns (id, name, description, filter, exclusions, default_action, security_queue, due_at, reminders, series_id, created_by, created_at)
         SELECT gen_random_uuid(), name || ' (' || to_char($2::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD') || ')', description, filter, exclusions,
                default_action, security_queue, $3, reminders, id, $4, $2
         FROM campaigns WHERE id = $1::uuid RETURNING id::text`,
        [head.id, occurrence, new Date(occurrence.getTime() + (series.review_days ?? 14) * DAY_MS), CAMPAIGN_SYSTEM_ACTOR.label],
      )) as [{ id: string }];
      await x.query(`UPDATE campaigns SET last_scheduled_at = $2 WHERE id = $1::uuid`, [head.id, occurrence]);
      await appendAuditEvents(x.handle, [campaignEvent(CAMPAIGN_SYSTEM_ACTOR, "campaign.created", next, { seriesId: head.id, occurrence: occurrence.toISOString() })]);
      await activateIn(x, await loadCampaign(x, next, { lock: true }), CAMPAIGN_SYSTEM_ACTOR, now);
      return next;
    });
    if (id) started.push(id);
  }
  return { started, invalid };
}
