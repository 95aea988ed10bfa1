import "server-only";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import { callerAsActor, requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { invalidInput } from "@/lib/policy/errors";
import { inTransaction } from "@/lib/policy/sql-executor";
import { campaignEvent, itemEvents } from "@/lib/campaigns/campaign-audit";
import { applyDecisions } from "@/lib/campaigns/campaign-effects";
import { campaignDto, loadCampaign } from "@/lib/campaigns/campaign-rows";
import { closeCampaignSchema } from "@/lib/campaigns/campaign-schemas";
import { assertTransition } from "@/lib/campaigns/campaign-states";
import type { CampaignDto } from "@/lib/campaigns/campaign-types";

/** Who "decided" an item that nobody decided: the campaign's default action, at close. */
export const DEFAULT_DECIDER = "system:default-action";

/**
 * ACTIVE → CLOSED, in one transaction: undecided items get the campaign's default action, every
 * decision takes effect (campaign-effects.ts), revoke/rotate become remediation tasks, and the
 * closer's sign-off is recorded. From now on the decisions are final.
 */
export async function closeCampaign(caller: Caller, id: string, input: { signOff?: string } = {}, now = new Date()): Promise<CampaignDto> {
  requirePermission(caller, "campaigns:manage");
  const parsed = closeCampaignSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const actor = callerAsActor(caller);
  return inTransaction(getDb(), async (x) => {
    const campaign = await loadCampaign(x, id, { lock: true });
    assertTransition(campaign.status, "CLOSED");
    const defaulted = await x.query<{ itemId: string; identityId: string | null }>(
      `UPDATE campaign_items SET status = 'DECIDED', decision = $2, decided_by = $3, decided_at = $4, decided_by_default = true,
              comment = 'Not decided by the due date: the campaign''s default action.'
       WHERE campaign_id = $1::uuid AND status = 'PENDING'
       RETURNING id::text AS "itemId", identity_id::text AS "identityId"`,
      [id, campaign.default_action, DEFAULT_DECIDER, now],
    );
    await appendAuditEvents(x.handle, itemEvents(actor, "campaign.decided", id, defaulted, { decision: campaign.default_action, byDefault: true }));
    const effects = await applyDecisions(x, id, campaign.name, actor, now);
    await x.query(`UPDATE campaigns SET status = 'CLOSED', closed_at = $2, closed_by = $3, sign_off = $4 WHERE id = $1::uuid`, [
      id,
      now,
      caller.email,
      parsed.data.signOff ?? null,
    ]);
    await appendAuditEvents(x.handle, [
      campaignEvent(actor, "campaign.closed", id, { items: campaign.item_count, defaulted: defaulted.length, defaultAction: campaign.default_action, ...effects, signOff: parsed.data.signOff ?? null }),
    ]);
    return campaignDto(await loadCampaign(x, id));
  });
}
