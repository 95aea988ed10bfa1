import "server-only";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import type { AuditActor } from "@/lib/audit/audit-hash";
import { callerAsActor, requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { InvalidScheduleError, latestOccurrence } from "@/lib/jobs/cron";
import { invalidInput } from "@/lib/policy/errors";
import { inTransaction, type SqlExecutor } from "@/lib/policy/sql-executor";
import { campaignEvent } from "@/lib/campaigns/campaign-audit";
import { campaignDto, loadCampaign, type CampaignRow } from "@/lib/campaigns/campaign-rows";
import { createCampaignSchema, type CreateCampaignInput } from "@/lib/campaigns/campaign-schemas";
import { freezeScope } from "@/lib/campaigns/campaign-scope";
import { assertTransition } from "@/lib/campaigns/campaign-states";
import type { CampaignDto } from "@/lib/campaigns/campaign-types";


/** Creates a DRAFT campaign. Nothing is in scope until it is activated. */
export async function createCampaign(caller: Caller, input: CreateCampaignInput): Promise<CampaignDto> {
  requirePermission(caller, "campaigns:manage");
  const parsed = createCampaignSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const v = parsed.data;
  if (v.recurrence) {
    try {
      latestOccurrence(v.recurrence, new Date());
    } catch (error) {
      if (error instanceof InvalidScheduleError) throw new AppError("INVALID_INPUT", error.message, "recurrence");
      throw error;
    }
  }
  return inTransaction(getDb(), async (x) => {
    const [{ id }] = (await x.query<{ id: string }>(
      `INSERT INTO campaigns (id, name, description, filter, exclusions, default_action, security_queue, due_at, reminders, recurrence, review_days, created_by)
       VALUES (gen_random_uuid(), $1, $2, $3::jsonb, $4::uuid[], $5, $6, $7, $8::jsonb, $9, $10, $11) RETURNING id::text`,
      [v.name, v.description ?? null, JSON.stringify(v.filter), v.exclusions, v.defaultAction, v.securityQueue, v.dueAt, JSON.stringify(v.reminders), v.recurrence ?? null, v.reviewDays ?? null, caller.email],
    )) as [{ id: string }];
    await appendAuditEvents(x.handle, [
      campaignEvent(callerAsActor(caller), "campaign.created", id, { name: v.name, filter: v.filter, exclusions: v.exclusions.length, defaultAction: v.defaultAction, dueAt: v.dueAt.toISOString(), recurrence: v.recurrence ?? null }),
    ]);
    return campaignDto(await loadCampaign(x, id));
  });
}

/** DRAFT → ACTIVE inside `x`: freezes the scope (one INSERT … SELECT) and audits it. */
export async function activateIn(x: SqlExecutor, campaign: CampaignRow, actor: AuditActor, now: Date): Promise<number> {
  assertTransition(campaign.status, "ACTIVE");
  const items = await freezeScope(x, { id: campaign.id, filter: campaign.filter, exclusions: campaign.exclusions, securityQueue: campaign.security_queue }, now);
  await x.query(`UPDATE campaigns SET status = 'ACTIVE', activated_at = $2, activated_by = $3, item_count = $4 WHERE id = $1::uuid`, [
    campaign.id,
    now,
    actor.label,
    items,
  ]);
  await appendAuditEvents(x.handle, [campaignEvent(actor, "campaign.activated", campaign.id, { items, dueAt: campaign.due_at.toISOString() })]);
  return items;
}

/** Starts a draft campaign: its scope is frozen now, reviewers resolved, reminders begin. */
export async function activateCampaign(caller: Caller, id: string, now = new Date()): Promise<CampaignDto> {
  requirePermission(caller, "campaigns:manage");
  return inTransaction(getDb(), async (x) => {
    const campaign = await loadCampaign(x, id, { lock: true });
    await activateIn(x, campaign, callerAsActor(caller), now);
    return campaignDto(await loadCampaign(x, id));
  });
}

/** Cancels a draft or active campaign: no default action, no remediation; its items stay as evidence. */
export async function cancelCampaign(caller: Caller, id: string, now = new Date()): Promise<CampaignDto> {
  requirePermission(caller, "campaigns:manage");
  return inTransaction(getDb(), async (x) => {
    const campaign = await loadCampaign(x, id, { lock: true });
    assertTransition(campaign.status, "CANCELLED");
    await x.query(`UPDATE campaigns SET status = 'CANCELLED', cancelled_at = $2, cancelled_by = $3 WHERE id = $1::uuid`, [id, now, caller.email]);
    await appendAuditEvents(x.handle, [campaignEvent(callerAsActor(caller), "campaign.cancelled", id, { from: campaign.status })]);
    return campaignDto(await loadCampaign(x, id));
  });
}
