import "server-only";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import { roleCan } from "@/lib/auth/permissions";
import { callerAsActor, requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { invalidInput } from "@/lib/policy/errors";
import { inTransaction, type SqlExecutor } from "@/lib/policy/sql-executor";
import { itemEvents } from "@/lib/campaigns/campaign-audit";
import { decideSchema, delegateSchema, type DecideInput, type DelegateInput } from "@/lib/campaigns/campaign-schemas";
import { assertOpenForDecisions } from "@/lib/campaigns/campaign-states";
import { HIGH_RISK_SCORE, type CampaignStatus } from "@/lib/campaigns/campaign-types";

type LockedItem = {
  id: string;
  campaign_id: string;
  campaign_status: CampaignStatus;
  security_queue: string;
  identity_id: string | null;
  identity_name: string;
  subject_email: string | null;
  reviewer_email: string;
  status: string;
  decision: string | null;
  risk: number | null;
};

/**
 * Locks the items (and, shared, their campaigns, so a close waits for the decision and vice
 * versa) and checks the caller may act on each: the campaign is active, the caller is the item's
 * reviewer — or manages campaigns and the item sits in the security queue — and is not its subject.
 */
async function lockActionableItems(x: SqlExecutor, caller: Caller, itemIds: string[]): Promise<LockedItem[]> {
  await x.query(`SELECT 1 FROM campaigns WHERE id IN (SELECT campaign_id FROM campaign_items WHERE id = ANY($1::uuid[])) ORDER BY id FOR SHARE`, [itemIds]);
  const items = await x.query<LockedItem>(
    `SELECT ci.id::text, ci.campaign_id::text, c.status AS campaign_status, c.security_queue, ci.identity_id::text, ci.identity_name,
            ci.subject_email, ci.reviewer_email, ci.status, ci.decision, coalesce(r.score, ci.risk_score)::float8 AS risk
     FROM campaign_items ci JOIN campaigns c ON c.id = ci.campaign_id
     LEFT JOIN identity_risk_scores r ON r.identity_id = ci.identity_id
     WHERE ci.id = ANY($1::uuid[]) ORDER BY ci.id FOR UPDATE OF ci`,
    [itemIds],
  );
  if (items.length !== new Set(itemIds).size) {
    const known = new Set(items.map((i) => i.id));
    const missing = itemIds.find((id) => !known.has(id));
    throw new AppError("NOT_FOUND", `Review item ${missing} does not exist.`, "itemIds");
  }
  const me = caller.email.toLowerCase();
  const managesQueue = roleCan(caller.role, "campaigns:manage");
  for (const item of items) {
    assertOpenForDecisions(item.campaign_status);
    if (item.subject_email && item.subject_email === me) {
      throw new AppError("FORBIDDEN", `You cannot certify "${item.identity_name}": it is your own identity.`, "itemIds");
    }
    const mine = item.reviewer_email === me || (managesQueue && item.reviewer_email === item.security_queue);
    if (!mine) throw new AppError("FORBIDDEN", `You are not the reviewer of "${item.identity_name}".`, "itemIds");
  }
  return items;
}

function byCampaign<T extends { campaign_id: string }>(items: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.campaign_id, [...(groups.get(item.campaign_id) ?? []), item]);
  return groups;
}

/**
 * Records one decision for one or many items (bulk), replacing an earlier one while the campaign
 * runs. Keeping a high-risk item (risk score ≥ HIGH_RISK_SCORE) needs a comment. Nothing takes
 * effect before the campaign closes.
 */
export async function decideItems(caller: Caller, input: DecideInput, now = new Date()): Promise<{ decided: number }> {
  requirePermission(caller, "reviews:decide");
  const parsed = decideSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { itemIds, decision, comment = null, newOwnerEmail = null, newEndDate = null } = parsed.data;
  return inTransaction(getDb(), async (x) => {
    const items = await lockActionableItems(x, caller, itemIds);
    if (decision === "keep" && !comment) {
      const risky = items.find((i) => i.risk !== null && i.risk >= HIGH_RISK_SCORE);
      if (risky) {
        throw new AppError("INVALID_INPUT", `"${risky.identity_name}" is high-risk (score ${risky.risk}): say why it should be kept.`, "comment");
      }
    }
    await x.query(
      `UPDATE campaign_items SET status = 'DECIDED', decision = $2, comment = $3, new_owner_email = $4, new_end_date = $5,
              decided_by = $6, decided_at = $7, decided_by_default = false
       WHERE id = ANY($1::uuid[])`,
      [itemIds, decision, comment, decision === "reassign" ? newOwnerEmail : null, decision === "extend" ? newEndDate : null, caller.email.toLowerCase(), now],
    );
    for (const [campaignId, group] of byCampaign(items)) {
      const named = group.map((i) => ({ itemId: i.id, identityId: i.identity_id, previous: i.decision }));
      await appendAuditEvents(x.handle, itemEvents(callerAsActor(caller), "campaign.decided", campaignId, named, { decision, comment, newOwnerEmail, newEndDate: newEndDate?.toISOString() ?? null }));
    }
    return { decided: items.length };
  });
}

/** Hands open items to someone else, who becomes their reviewer (not their subject, nor someone who left). */
export async function delegateItems(caller: Caller, input: DelegateInput): Promise<{ delegated: number }> {
  requirePermission(caller, "reviews:decide");
  const parsed = delegateSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { itemIds, toEmail, comment = null } = parsed.data;
  return inTransaction(getDb(), async (x) => {
    const items = await lockActionableItems(x, caller, itemIds);
    const decided = items.find((i) => i.status !== "PENDING");
    if (decided) throw new AppError("INVALID_INPUT", `"${decided.identity_name}" is already decided.`, "itemIds");
    const subject = items.find((i) => i.subject_email === toEmail);
    if (subject) throw new AppError("INVALID_INPUT", `${toEmail} is the subject of "${subject.identity_name}" and cannot review it.`, "toEmail");
    const [person] = await x.query<{ departed: boolean }>(
      `SELECT bool_or(status = 'left') AND NOT bool_or(status = 'active') AS departed FROM people WHERE lower(email) = $1 AND gone_since IS NULL`,
      [toEmail],
    );
    if (person?.departed) throw new AppError("INVALID_INPUT", `${toEmail} has left the organisation, says the people directory.`, "toEmail");
    await x.query(`UPDATE campaign_items SET reviewer_email = $2, reviewer_basis = 'delegated', delegated_by = $3 WHERE id = ANY($1::uuid[])`, [
      itemIds,
      toEmail,
      caller.email.toLowerCase(),
    ]);
    for (const [campaignId, group] of byCampaign(items)) {
      const named = group.map((i) => ({ itemId: i.id, identityId: i.identity_id, from: i.reviewer_email }));
      await appendAuditEvents(x.handle, itemEvents(callerAsActor(caller), "campaign.delegated", campaignId, named, { to: toEmail, comment }));
    }
    return { delegated: items.length };
  });
}
