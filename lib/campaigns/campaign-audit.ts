import type { AuditActor, AuditEventInput } from "@/lib/audit/audit-hash";

/** Items per audit event of a bulk step, as the sync and the ownership module batch theirs. */
export const CAMPAIGN_AUDIT_BATCH = 1000;

export type CampaignAction =
  | "campaign.created"
  | "campaign.activated"
  | "campaign.closed"
  | "campaign.cancelled"
  | "campaign.decided"
  | "campaign.delegated"
  | "campaign.escalated"
  | "campaign.reminder_sent"
  | "campaign.evidence_exported"
  | "campaign.remediation_done"
  | "campaign.remediation_verified";

export function campaignEvent(actor: AuditActor, action: CampaignAction, campaignId: string, summary: Record<string, unknown>): AuditEventInput {
  return { actor, action, target: { type: "campaign", id: campaignId }, summary };
}

/** One event per CAMPAIGN_AUDIT_BATCH items, each naming its items (and what it says of them). */
export function itemEvents(
  actor: AuditActor,
  action: CampaignAction,
  campaignId: string,
  items: ReadonlyArray<Record<string, unknown>>,
  summary: Record<string, unknown>,
): AuditEventInput[] {
  const events: AuditEventInput[] = [];
  for (let start = 0; start < items.length; start += CAMPAIGN_AUDIT_BATCH) {
    const batch = items.slice(start, start + CAMPAIGN_AUDIT_BATCH);
    events.push(campaignEvent(actor, action, campaignId, { ...summary, count: batch.length, items: batch }));
  }
  return events;
}

/** The worker's actor: reminders, escalations, sync verification, the default action. */
export const CAMPAIGN_SYSTEM_ACTOR: AuditActor = { type: "system", label: "system:campaigns" };
