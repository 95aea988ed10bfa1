import "server-only";
import { z } from "zod";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import { roleCan } from "@/lib/auth/permissions";
import { callerAsActor, requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { invalidInput } from "@/lib/policy/errors";
import { inTransaction, type SqlTarget } from "@/lib/policy/sql-executor";
import { CAMPAIGN_SYSTEM_ACTOR, campaignEvent, itemEvents } from "@/lib/campaigns/campaign-audit";

/*
 * Remediation tasks come from revoke and rotate decisions at close (campaign-effects.ts). A task
 * is done when its owner says so, or when a later sync shows it: the identity is gone (or, for a
 * revoke, inactive), or none of the credentials it had when the task opened is still present and
 * usable — for a rotate, a credential rotated after the task opened counts as replaced.
 */

/** Credential statuses that can no longer authenticate. `unknown` still counts as usable. */
const UNUSABLE = ["inactive", "expired", "revoked"];

/**
 * Marks open tasks that the inventory now shows as done (resolution `sync`). Call it after every
 * load (sync or import); it only reads the tables a load just wrote, and audits what it closed.
 */
export async function verifyRemediationTasks(target: SqlTarget, now: Date = new Date()): Promise<{ verified: number }> {
  return inTransaction(target, async (x) => {
    const done = await x.query<{ campaign_id: string; taskId: string; identityId: string | null; action: string }>(
      `UPDATE remediation_tasks t SET status = 'DONE', done_at = $1, done_by = 'system:sync', resolution = 'sync'
       FROM (
         SELECT t.id FROM remediation_tasks t LEFT JOIN identities i ON i.id = t.identity_id
         WHERE t.status = 'OPEN' AND (
           i.id IS NULL OR i.gone_since IS NOT NULL
           OR (t.action = 'revoke' AND i.status = 'inactive')
           OR (cardinality(t.credential_ids) > 0 AND NOT EXISTS (
                 SELECT 1 FROM credentials k
                 WHERE k.id = ANY(t.credential_ids) AND k.gone_since IS NULL AND NOT (k.status = ANY($2::text[]))
                   AND (t.action = 'revoke' OR k.last_rotated_at IS NULL OR k.last_rotated_at <= t.created_at))))
       ) v
       WHERE t.id = v.id
       RETURNING t.campaign_id::text, t.id::text AS "taskId", t.identity_id::text AS "identityId", t.action`,
      [now, UNUSABLE],
    );
    const byCampaign = new Map<string, typeof done>();
    for (const row of done) byCampaign.set(row.campaign_id, [...(byCampaign.get(row.campaign_id) ?? []), row]);
    for (const [campaignId, rows] of byCampaign) {
      const named = rows.map(({ taskId, identityId, action }) => ({ taskId, identityId, action }));
      await appendAuditEvents(x.handle, itemEvents(CAMPAIGN_SYSTEM_ACTOR, "campaign.remediation_verified", campaignId, named, { by: "sync" }));
    }
    return { verified: done.length };
  });
}

const completeSchema = z.strictObject({ note: z.string().trim().max(4000).optional() });

/**
 * The owner (the identity's owner when the campaign started, or whoever decided the item) — or a
 * campaign manager — says the revocation or rotation is done.
 */
export async function completeRemediationTask(caller: Caller, taskId: string, input: { note?: string } = {}, now = new Date()): Promise<{ status: "DONE" }> {
  requirePermission(caller, "reviews:decide");
  const parsed = completeSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  if (!z.uuid().safeParse(taskId).success) throw new AppError("INVALID_INPUT", "must be a task id (UUID)", "taskId");
  return inTransaction(getDb(), async (x) => {
    const [task] = await x.query<{ campaign_id: string; status: string; action: string; identity_id: string | null; owner_email: string | null; decided_by: string | null }>(
      `SELECT t.campaign_id::text, t.status, t.action, t.identity_id::text, ci.owner_email, ci.decided_by
       FROM remediation_tasks t JOIN campaign_items ci ON ci.id = t.item_id WHERE t.id = $1::uuid FOR UPDATE OF t`,
      [taskId],
    );
    if (!task) throw new AppError("NOT_FOUND", `Remediation task ${taskId} does not exist.`, "taskId");
    const me = caller.email.toLowerCase();
    if (!roleCan(caller.role, "campaigns:manage") && me !== task.owner_email && me !== task.decided_by) {
      throw new AppError("FORBIDDEN", "Only the identity's owner or its reviewer can close this task.", "taskId");
    }
    if (task.status !== "OPEN") throw new AppError("CONFLICT", "This task is already done.", "taskId");
    await x.query(`UPDATE remediation_tasks SET status = 'DONE', done_at = $2, done_by = $3, resolution = 'owner', note = $4 WHERE id = $1::uuid`, [
      taskId,
      now,
      me,
      parsed.data.note ?? null,
    ]);
    await appendAuditEvents(x.handle, [
      campaignEvent(callerAsActor(caller), "campaign.remediation_done", task.campaign_id, { taskId, identityId: task.identity_id, action: task.action, note: parsed.data.note ?? null }),
    ]);
    return { status: "DONE" as const };
  });
}
