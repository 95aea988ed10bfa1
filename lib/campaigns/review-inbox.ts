import "server-only";
import { roleCan } from "@/lib/auth/permissions";
import { requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { invalidInput } from "@/lib/policy/errors";
import { executorOf } from "@/lib/policy/sql-executor";
import { inboxQuerySchema, type InboxQuery } from "@/lib/campaigns/campaign-schemas";
import { HIGH_RISK_SCORE, type Decision, type ReviewerBasis, type ReviewItemDto, type ReviewPage } from "@/lib/campaigns/campaign-types";

type InboxRow = {
  id: string;
  campaign_id: string;
  campaign_name: string;
  due_at: Date;
  identity_id: string | null;
  identity_name: string;
  identity_type: string;
  source_name: string;
  environment: string | null;
  owner_email: string | null;
  reviewer_basis: ReviewerBasis;
  status: "PENDING" | "DECIDED";
  decision: Decision | null;
  comment: string | null;
  last_used_at: Date | null;
  born_at: Date | null;
  admin: number;
  write: number;
  read: number;
  findings: Array<{ rule: string; severity: string }> | null;
  direct_edges: number;
  risk: number | null;
};

/*
 * The context columns are correlated subqueries per item of one page (≤ 200 rows), each an index
 * probe: credentials by identity_id, edges by (from_id, …), findings by subject_id.
 */
const INBOX_SQL = (where: string) => `
  SELECT ci.id::text, ci.campaign_id::text, c.name AS campaign_name, c.due_at, ci.identity_id::text, ci.identity_name, ci.identity_type,
         ci.source_name, ci.environment, ci.owner_email, ci.reviewer_basis, ci.status, ci.decision, ci.comment,
         greatest(i.last_activity_at, (SELECT max(k.last_used_at) FROM credentials k WHERE k.identity_id = i.id AND k.gone_since IS NULL)) AS last_used_at,
         coalesce(i.created_at_source, i.first_seen_at) AS born_at,
         coalesce(p.admin, 0)::int AS admin, coalesce(p.write, 0)::int AS write, coalesce(p.read, 0)::int AS read,
         (SELECT json_agg(json_build_object('rule', f.rule, 'severity', f.severity) ORDER BY f.rule)
            FROM findings f WHERE f.status = 'open'
             AND (f.subject_id = i.id OR f.subject_id IN (SELECT k.id FROM credentials k WHERE k.identity_id = i.id AND k.gone_since IS NULL))) AS findings,
         ((SELECT count(*) FROM edges e WHERE e.from_id = i.id AND e.gone_since IS NULL)
          + (SELECT count(*) FROM edges e JOIN credentials k ON e.from_id = k.id WHERE k.identity_id = i.id AND k.gone_since IS NULL AND e.gone_since IS NULL))::int AS direct_edges,
         coalesce(r.score, ci.risk_score)::float8 AS risk
  FROM campaign_items ci
  JOIN campaigns c ON c.id = ci.campaign_id
  LEFT JOIN identities i ON i.id = ci.identity_id
  LEFT JOIN identity_risk_scores r ON r.identity_id = ci.identity_id
  LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE e.level = 'admin') AS admin, count(*) FILTER (WHERE e.level = 'write') AS write,
           count(*) FILTER (WHERE e.level = 'read') AS read
    FROM edges e WHERE e.from_id = i.id AND e.type = 'has_permission' AND e.gone_since IS NULL
  ) p ON true
  WHERE ${where}
  ORDER BY ci.id
  LIMIT $2`;

const DAY_MS = 86_400_000;

function reviewItemDto(row: InboxRow, now: Date): ReviewItemDto {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    campaignName: row.campaign_name,
    dueAt: row.due_at.toISOString(),
    identityId: row.identity_id,
    identityName: row.identity_name,
    identityType: row.identity_type,
    sourceName: row.source_name,
    environment: row.environment,
    ownerEmail: row.owner_email,
    reviewerBasis: row.reviewer_basis,
    status: row.status,
    decision: row.decision,
    comment: row.comment,
    context: {
      lastUsedAt: row.last_used_at?.toISOString() ?? null,
      ageDays: row.born_at ? Math.floor((now.getTime() - row.born_at.getTime()) / DAY_MS) : null,
      privileges: { admin: row.admin, write: row.write, read: row.read },
      openFindings: row.findings ?? [],
      directEdges: row.direct_edges,
      riskScore: row.risk,
      highRisk: row.risk !== null && row.risk >= HIGH_RISK_SCORE,
    },
  };
}

/**
 * "My reviews": the caller's items in active campaigns, keyset-paginated by item id (pass the
 * returned `nextCursor` back as `cursor`). A campaign manager may read another reviewer's inbox,
 * such as the security queue's, with `reviewer`.
 */
export async function listMyReviews(caller: Caller, query: InboxQuery & { reviewer?: string } = {}, now = new Date()): Promise<ReviewPage> {
  requirePermission(caller, "reviews:decide");
  const { reviewer, ...rest } = query;
  const parsed = inboxQuerySchema.safeParse(rest);
  if (!parsed.success) throw invalidInput(parsed.error);
  const q = parsed.data;
  const me = caller.email.toLowerCase();
  const who = reviewer?.trim().toLowerCase() ?? me;
  if (who !== me && !roleCan(caller.role, "campaigns:manage")) throw new AppError("FORBIDDEN", "You can only read your own reviews.", "reviewer");
  const params: unknown[] = [who, q.limit + 1];
  const where = ["ci.reviewer_email = $1", "c.status = 'ACTIVE'"];
  if (q.status !== "ALL") where.push(`ci.status = $${params.push(q.status)}`);
  if (q.campaignId) where.push(`ci.campaign_id = $${params.push(q.campaignId)}::uuid`);
  if (q.cursor) where.push(`ci.id > $${params.push(q.cursor)}::uuid`);
  const rows = await executorOf(getDb()).query<InboxRow>(INBOX_SQL(where.join(" AND ")), params);
  const page = rows.slice(0, q.limit);
  return { items: page.map((r) => reviewItemDto(r, now)), nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null };
}
