import "server-only";
import { requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { inTransaction, type SqlExecutor } from "@/lib/policy/sql-executor";
import { campaignDto, loadCampaign } from "@/lib/campaigns/campaign-rows";
import { DECISIONS, type CampaignEvidenceDto, type Decision, type EvidenceItemDto, type ReviewerBasis } from "@/lib/campaigns/campaign-types";

export type EvidenceRow = {
  id: string;
  identity_id: string | null;
  identity_name: string;
  identity_type: string;
  source_name: string;
  environment: string | null;
  owner_email: string | null;
  risk: number | null;
  reviewer_email: string;
  reviewer_basis: ReviewerBasis;
  escalation_level: number;
  delegated_by: string | null;
  decision: Decision | null;
  decided_by: string | null;
  decided_at: Date | null;
  decided_by_default: boolean;
  comment: string | null;
  new_owner_email: string | null;
  new_end_date: Date | null;
  task_action: string | null;
  task_status: string | null;
  task_done_at: Date | null;
  task_done_by: string | null;
  task_resolution: string | null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** One item's row of the evidence: identity as frozen at activation, reviewer, decision, remediation. */
export const EVIDENCE_ITEM_SELECT = `
  SELECT ci.id::text, ci.identity_id::text, ci.identity_name, ci.identity_type, ci.source_name, ci.environment, ci.owner_email,
         ci.risk_score::float8 AS risk, ci.reviewer_email, ci.reviewer_basis, ci.escalation_level, ci.delegated_by, ci.decision,
         ci.decided_by, ci.decided_at, ci.decided_by_default, ci.comment, ci.new_owner_email, ci.new_end_date,
         t.action AS task_action, t.status AS task_status, t.done_at AS task_done_at, t.done_by AS task_done_by, t.resolution AS task_resolution
  FROM campaign_items ci LEFT JOIN remediation_tasks t ON t.item_id = ci.id`;

export function evidenceItem(r: EvidenceRow): EvidenceItemDto {
  return {
    itemId: r.id,
    identityId: r.identity_id,
    identityName: r.identity_name,
    identityType: r.identity_type,
    sourceName: r.source_name,
    environment: r.environment,
    ownerEmail: r.owner_email,
    riskScore: r.risk,
    reviewerEmail: r.reviewer_email,
    reviewerBasis: r.reviewer_basis,
    escalationLevel: r.escalation_level,
    delegatedBy: r.delegated_by,
    decision: r.decision,
    decidedBy: r.decided_by,
    decidedAt: iso(r.decided_at),
    decidedByDefault: r.decided_by_default,
    comment: r.comment,
    newOwnerEmail: r.new_owner_email,
    newEndDate: iso(r.new_end_date),
    remediation: r.task_action
      ? { action: r.task_action, status: r.task_status!, doneAt: iso(r.task_done_at), doneBy: r.task_done_by, resolution: r.task_resolution }
      : null,
  };
}

/** The evidence as of one consistent snapshot, inside `x` (read-only). */
export async function readEvidence(x: SqlExecutor, id: string, generatedBy: string, now: Date): Promise<CampaignEvidenceDto> {
  const campaign = campaignDto(await loadCampaign(x, id));
  const rows = await x.query<EvidenceRow>(`${EVIDENCE_ITEM_SELECT} WHERE ci.campaign_id = $1::uuid ORDER BY ci.identity_name, ci.id`, [id]);
  const items = rows.map(evidenceItem);
  const reviewers = new Map<string, { email: string; items: number; decided: number; pending: number }>();
  const decisions = Object.fromEntries(DECISIONS.map((d) => [d, 0])) as Record<Decision, number>;
  for (const item of items) {
    const entry = reviewers.get(item.reviewerEmail) ?? { email: item.reviewerEmail, items: 0, decided: 0, pending: 0 };
    entry.items += 1;
    if (item.decision) {
      entry.decided += 1;
      decisions[item.decision] += 1;
    } else entry.pending += 1;
    reviewers.set(item.reviewerEmail, entry);
  }
  return {
    campaign,
    generatedAt: now.toISOString(),
    generatedBy,
    reviewers: [...reviewers.values()].sort((a, b) => a.email.localeCompare(b.email)),
    decisions,
    items,
    remediation: {
      open: items.filter((i) => i.remediation?.status === "OPEN").length,
      done: items.filter((i) => i.remediation?.status === "DONE").length,
    },
  };
}

/**
 * Everything an auditor needs about one campaign (scope, reviewers, every decision with who, when
 * and why, remediation, sign-off) as one DTO: the evidence PDF renders it, the CSV is written from it.
 */
export async function campaignEvidence(caller: Caller, id: string, now = new Date()): Promise<CampaignEvidenceDto> {
  requirePermission(caller, "reports:export");
  return inTransaction(getDb(), (x) => readEvidence(x, id, caller.email, now), { readOnly: true });
}
