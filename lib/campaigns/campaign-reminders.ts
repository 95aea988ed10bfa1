import "server-only";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import type { Notifier } from "@/lib/notify/notifier";
import { executorOf, inTransaction, type SqlExecutor, type SqlTarget } from "@/lib/policy/sql-executor";
import { CAMPAIGN_SYSTEM_ACTOR, campaignEvent, itemEvents } from "@/lib/campaigns/campaign-audit";
import { reminderSettings } from "@/lib/campaigns/campaign-rows";
import { dueOccasions, type Occasion } from "@/lib/campaigns/reminder-plan";

export type ReminderSummary = {
  sent: number;
  escalated: number;
  /** Deliveries that failed; they were not recorded, so the next pass tries them again. */
  failed: Array<{ campaignId: string; slot: string; recipient: string; error: string }>;
};

type ActiveCampaign = { id: string; name: string; activated_at: Date; due_at: Date; reminders: unknown };
type Recipient = { email: string; items: number; names: string[] };

/** Identity names listed in one message; the rest are counted. */
const NAMES_PER_MESSAGE = 20;

/**
 * The worker's reminder pass (run it every few minutes): for every active campaign, sends each
 * occasion that is due (reminder-plan.ts) to each reviewer with open items by e-mail, and one
 * summary to the webhook; once overdue, first moves open items one step along their reviewer
 * chain per escalation period. Idempotent: a (campaign, channel, recipient, slot) is recorded in
 * the same transaction as its delivery and never sent again; a failed delivery rolls back and is
 * retried by the next pass.
 */
export async function runCampaignReminders(target: SqlTarget, now: Date, notifier: Notifier): Promise<ReminderSummary> {
  const summary: ReminderSummary = { sent: 0, escalated: 0, failed: [] };
  const campaigns = await executorOf(target as Parameters<typeof executorOf>[0]).query<ActiveCampaign>(
    `SELECT id::text, name, activated_at, due_at, reminders FROM campaigns WHERE status = 'ACTIVE' AND activated_at <= $1 ORDER BY due_at, id`,
    [now],
  );
  for (const campaign of campaigns) {
    const reminders = reminderSettings(campaign.reminders);
    for (const occasion of dueOccasions({ activatedAt: campaign.activated_at, dueAt: campaign.due_at, reminders }, now)) {
      if (occasion.kind === "overdue" && occasion.level > 0) summary.escalated += await escalate(target, campaign.id, occasion.level);
      const recipients = await inTransaction(target, (x) => openItemsByReviewer(x, campaign.id));
      if (notifier.email) {
        for (const recipient of recipients) {
          await deliver(target, summary, campaign, occasion, "email", recipient.email, recipient.items, () =>
            notifier.sendEmail({ to: recipient.email, ...emailText(campaign, occasion, recipient, notifier.baseUrl) }),
          );
        }
      }
      if (notifier.webhook && reminders.webhook && recipients.length > 0) {
        const open = recipients.reduce((n, r) => n + r.items, 0);
        await deliver(target, summary, campaign, occasion, "webhook", "webhook", open, () => notifier.postWebhook({ text: webhookText(campaign, occasion, recipients, notifier.baseUrl) }));
      }
    }
  }
  return summary;
}

async function openItemsByReviewer(x: SqlExecutor, campaignId: string): Promise<Recipient[]> {
  return x.query<Recipient>(
    `SELECT reviewer_email AS email, count(*)::int AS items, (array_agg(identity_name ORDER BY identity_name))[1:${NAMES_PER_MESSAGE}] AS names
     FROM campaign_items WHERE campaign_id = $1::uuid AND status = 'PENDING' GROUP BY reviewer_email ORDER BY reviewer_email`,
    [campaignId],
  );
}

/** Moves open items to step `level` of their chain (never past its end, never back). */
async function escalate(target: SqlTarget, campaignId: string, level: number): Promise<number> {
  return inTransaction(target, async (x) => {
    const moved = await x.query<{ itemId: string; identityId: string | null; from: string; to: string; level: number }>(
      `UPDATE campaign_items ci SET escalation_level = t.level, reviewer_email = ci.reviewer_chain[t.level + 1],
              reviewer_basis = 'escalated'
       FROM (SELECT id, reviewer_email AS previous, least($2::int, cardinality(reviewer_chain) - 1) AS level
             FROM campaign_items WHERE campaign_id = $1::uuid AND status = 'PENDING') t
       WHERE ci.id = t.id AND ci.escalation_level < t.level
       RETURNING ci.id::text AS "itemId", ci.identity_id::text AS "identityId", t.previous AS "from", ci.reviewer_email AS "to", t.level`,
      [campaignId, level],
    );
    await appendAuditEvents(x.handle, itemEvents(CAMPAIGN_SYSTEM_ACTOR, "campaign.escalated", campaignId, moved, { reason: "overdue", step: level }));
    return moved.length;
  });
}

async function deliver(
  target: SqlTarget,
  summary: ReminderSummary,
  campaign: ActiveCampaign,
  occasion: Occasion,
  channel: "email" | "webhook",
  recipient: string,
  items: number,
  send: () => Promise<void>,
): Promise<void> {
  try {
    const sent = await inTransaction(target, async (x) => {
      // The key waits for a concurrent pass holding it, then finds it taken: one delivery per slot.
      const claimed = await x.query(
        `INSERT INTO campaign_reminders (campaign_id, channel, recipient, slot, item_count, sent_at) VALUES ($1::uuid, $2, $3, $4, $5, now())
         ON CONFLICT DO NOTHING RETURNING 1`,
        [campaign.id, channel, recipient, occasion.slot, items],
      );
      if (claimed.length === 0) return false;
      await send();
      await appendAuditEvents(x.handle, [campaignEvent(CAMPAIGN_SYSTEM_ACTOR, "campaign.reminder_sent", campaign.id, { channel, recipient, slot: occasion.slot, items })]);
      return true;
    });
    if (sent) summary.sent += 1;
  } catch (error) {
    summary.failed.push({ campaignId: campaign.id, slot: occasion.slot, recipient, error: (error as Error).message });
  }
}

const day = (d: Date) => d.toISOString().slice(0, 10);

function headline(campaign: ActiveCampaign, occasion: Occasion, items: number): string {
  const what = `${items} item${items === 1 ? "" : "s"}`;
  switch (occasion.kind) {
    case "kickoff":
      return `Access review "${campaign.name}" has started: ${what} to review by ${day(campaign.due_at)}`;
    case "every":
      return `Reminder: ${what} still to review in "${campaign.name}" (due ${day(campaign.due_at)})`;
    case "before-due":
      return `Due ${day(campaign.due_at)}: ${what} still to review in "${campaign.name}"`;
    case "overdue":
      return `Overdue since ${day(campaign.due_at)}: ${what} to review in "${campaign.name}"`;
  }
}

function emailText(campaign: ActiveCampaign, occasion: Occasion, recipient: Recipient, baseUrl: string | null) {
  const subject = headline(campaign, occasion, recipient.items);
  const more = recipient.items > recipient.names.length ? [`… and ${recipient.items - recipient.names.length} more`] : [];
  const escalated = occasion.kind === "overdue" && occasion.level > 0 ? ["Some of these were escalated to you because the reviewer before you did not answer in time.", ""] : [];
  const link = baseUrl ? [``, `Review them: ${baseUrl}/reviews`] : [];
  return { subject, text: [subject, "", ...escalated, ...recipient.names.map((n) => `- ${n}`), ...more, ...link, ""].join("\n") };
}

function webhookText(campaign: ActiveCampaign, occasion: Occasion, recipients: Recipient[], baseUrl: string | null): string {
  const open = recipients.reduce((n, r) => n + r.items, 0);
  const link = baseUrl ? ` ${baseUrl}/campaigns/${campaign.id}` : "";
  return `${headline(campaign, occasion, open)} (${recipients.length} reviewer${recipients.length === 1 ? "" : "s"}).${link}`;
}
