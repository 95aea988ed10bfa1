import "server-only";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import type { AuditActor } from "@/lib/audit/audit-hash";
import { ownershipEvents } from "@/lib/ownership/ownership-audit";
import type { SqlExecutor } from "@/lib/policy/sql-executor";

/*
 * What a closed campaign's decisions do, in the closing transaction. Decisions may change while
 * the campaign runs, so nothing takes effect before close:
 *   reassign → the new owner becomes the explicit owner (owner_assignments, as lib/ownership does);
 *   extend   → the new end date is declared (purpose_declarations keeps it across re-syncs);
 *   revoke / rotate → a remediation task, with the credentials present now as its baseline.
 * keep changes nothing: the decision itself is the certification.
 */

export type EffectCounts = { reassigned: number; extended: number; remediationTasks: number };

export async function applyDecisions(x: SqlExecutor, campaignId: string, campaignName: string, actor: AuditActor, now: Date): Promise<EffectCounts> {
  const reassigned = await x.query<{ identityId: string; ownerEmail: string; decidedBy: string; previousOwner: string | null; previousBackup: string | null }>(
    `WITH chosen AS (
       SELECT ci.identity_id, ci.new_owner_email, ci.decided_by, a.owner_email AS previous_owner, a.backup_email AS previous_backup
       FROM campaign_items ci LEFT JOIN owner_assignments a ON a.identity_id = ci.identity_id
       WHERE ci.campaign_id = $1::uuid AND ci.decision = 'reassign' AND ci.identity_id IS NOT NULL
     ), upserted AS (
       INSERT INTO owner_assignments (identity_id, owner_email, note, assigned_by, assigned_at)
       SELECT identity_id, new_owner_email, $2, decided_by, $3 FROM chosen
       ON CONFLICT (identity_id) DO UPDATE SET owner_email = excluded.owner_email, backup_email = NULL, note = excluded.note,
         assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at, confirmed_by = NULL, confirmed_at = NULL
       RETURNING identity_id
     )
     SELECT c.identity_id::text AS "identityId", c.new_owner_email AS "ownerEmail", c.decided_by AS "decidedBy",
            c.previous_owner AS "previousOwner", c.previous_backup AS "previousBackup"
     FROM chosen c JOIN upserted u USING (identity_id) ORDER BY c.identity_id`,
    [campaignId, `Reassigned in access review "${campaignName}"`, now],
  );
  for (const r of reassigned) {
    await appendAuditEvents(
      x.handle,
      ownershipEvents("ownership.assigned", actor, [r.identityId], { ownerEmail: r.ownerEmail, backupEmail: null, campaignId, decidedBy: r.decidedBy }, r.previousOwner ? [{ identityId: r.identityId, ownerEmail: r.previousOwner, backupEmail: r.previousBackup }] : []),
    );
  }

  // Two statements: the identities trigger (keep_declared_purpose) must see the new declaration.
  const extended = await x.query<{ identityId: string; endDate: Date; decidedBy: string }>(
    `INSERT INTO purpose_declarations (identity_id, purpose, end_date, declared_by, declared_at)
     SELECT ci.identity_id, coalesce(pd.purpose, i.purpose, $2), ci.new_end_date, ci.decided_by, $3
     FROM campaign_items ci
     JOIN identities i ON i.id = ci.identity_id
     LEFT JOIN purpose_declarations pd ON pd.identity_id = ci.identity_id
     WHERE ci.campaign_id = $1::uuid AND ci.decision = 'extend'
     ON CONFLICT (identity_id) DO UPDATE SET end_date = excluded.end_date, declared_by = excluded.declared_by, declared_at = excluded.declared_at
     RETURNING identity_id::text AS "identityId", end_date AS "endDate", declared_by AS "decidedBy"`,
    [campaignId, `Kept by access review "${campaignName}"`, now],
  );
  await x.query(
    `UPDATE identities i SET end_date = d.end_date, purpose = d.purpose
     FROM purpose_declarations d WHERE d.identity_id = i.id AND i.id = ANY($1::uuid[])`,
    [extended.map((r) => r.identityId)],
  );
  for (const r of extended) {
    await appendAuditEvents(x.handle, ownershipEvents("identity.purpose_declared", actor, [r.identityId], { endDate: r.endDate.toISOString(), campaignId, decidedBy: r.decidedBy }));
  }

  const [tasks] = await x.query<{ n: number }>(
    `WITH created AS (
       INSERT INTO remediation_tasks (id, item_id, campaign_id, identity_id, action, credential_ids, created_at)
       SELECT gen_random_uuid(), ci.id, ci.campaign_id, ci.identity_id, ci.decision,
              coalesce((SELECT array_agg(k.id ORDER BY k.id) FROM credentials k WHERE k.identity_id = ci.identity_id AND k.gone_since IS NULL), '{}'),
              $2
       FROM campaign_items ci WHERE ci.campaign_id = $1::uuid AND ci.decision IN ('revoke', 'rotate')
       RETURNING 1
     ) SELECT count(*)::int AS n FROM created`,
    [campaignId, now],
  );
  return { reassigned: reassigned.length, extended: extended.length, remediationTasks: tasks?.n ?? 0 };
}
