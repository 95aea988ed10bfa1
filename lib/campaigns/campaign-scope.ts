import "server-only";
import type { SqlExecutor } from "@/lib/policy/sql-executor";
import type { CampaignFilter } from "@/lib/campaigns/campaign-types";

/*
 * The scope of a campaign, frozen into campaign_items at activation by one INSERT … SELECT: later
 * inventory changes never change what a running campaign reviews. Each item gets its reviewer
 * chain — resolved owner → backup owner → the owner's manager (people directory) → the security
 * queue — without anyone who left the organisation and without the item's own subject.
 */

/** The filter as SQL conditions on `i` (identities), `o` (resolved owner) and `r` (risk score). */
export function scopeConditions(filter: CampaignFilter, params: unknown[]): string[] {
  const p = (value: unknown) => `$${params.push(value)}`;
  const where = ["i.gone_since IS NULL"];
  if (filter.identityIds?.length) where.push(`i.id = ANY(${p(filter.identityIds)}::uuid[])`);
  if (filter.sourceIds?.length) where.push(`i.source_id = ANY(${p(filter.sourceIds)}::uuid[])`);
  if (filter.types?.length) where.push(`i.type = ANY(${p(filter.types)}::text[])`);
  if (filter.environments?.length) where.push(`lower(i.environment) = ANY(${p(filter.environments.map((e) => e.toLowerCase()))}::text[])`);
  if (filter.minRisk !== undefined) where.push(`r.score >= ${p(filter.minRisk)}::numeric`);
  if (filter.ownerEmail) where.push(`o.email = ${p(filter.ownerEmail.toLowerCase())}`);
  if (filter.rules?.length) {
    const rules = p(filter.rules);
    where.push(`(EXISTS (SELECT 1 FROM findings f WHERE f.subject_id = i.id AND f.status = 'open' AND f.rule = ANY(${rules}::text[]))
      OR EXISTS (SELECT 1 FROM credentials k JOIN findings f ON f.subject_id = k.id
                 WHERE k.identity_id = i.id AND k.gone_since IS NULL AND f.status = 'open' AND f.rule = ANY(${rules}::text[])))`);
  }
  if (filter.notReviewedInDays !== undefined) {
    where.push(`NOT EXISTS (SELECT 1 FROM campaign_items prior WHERE prior.identity_id = i.id
      AND prior.decided_at > $1::timestamptz - make_interval(days => ${p(filter.notReviewedInDays)}::int))`);
  }
  return where;
}

/**
 * Inserts one item per identity in scope (less the exclusions) and returns how many. `$1` is
 * the activation instant, the owners are resolved as of it.
 */
export async function freezeScope(
  x: SqlExecutor,
  campaign: { id: string; filter: CampaignFilter; exclusions: string[]; securityQueue: string },
  now: Date,
): Promise<number> {
  const params: unknown[] = [now, campaign.id, campaign.securityQueue.toLowerCase(), campaign.exclusions];
  const where = scopeConditions(campaign.filter, params);
  const rows = await x.query<{ n: number }>(
    `WITH directory AS (
       SELECT lower(email) AS email, bool_or(status = 'active') AS active, bool_or(status = 'left') AS departed,
              (array_agg(lower(manager_email) ORDER BY status = 'active' DESC, id) FILTER (WHERE manager_email IS NOT NULL))[1] AS manager
       FROM people WHERE gone_since IS NULL GROUP BY lower(email)
     ),
     scope AS (
       SELECT i.id, i.name, i.type, i.environment, s.name AS source_name, o.email AS owner_email, o.backup_email, r.score,
              lower(coalesce(nullif(i.attributes ->> 'email', ''),
                             CASE WHEN i.external_id LIKE '%_@_%' THEN i.external_id END,
                             CASE WHEN i.name LIKE '%_@_%' THEN i.name END)) AS subject_email
       FROM identities i
       JOIN sources s ON s.id = i.source_id
       LEFT JOIN resolved_owners($1::timestamptz) o ON o.identity_id = i.id AND o.kind <> 'suggested'
       LEFT JOIN identity_risk_scores r ON r.identity_id = i.id
       WHERE ${where.join(" AND ")} AND NOT (i.id = ANY($4::uuid[]))
     ),
     inserted AS (
       INSERT INTO campaign_items (id, campaign_id, identity_id, identity_name, identity_type, source_name, environment,
                                   subject_email, owner_email, risk_score, reviewer_chain, reviewer_bases, reviewer_email, reviewer_basis)
       SELECT gen_random_uuid(), $2::uuid, sc.id, sc.name, sc.type, sc.source_name, sc.environment,
              sc.subject_email, sc.owner_email, sc.score, ch.chain, ch.bases, ch.chain[1], ch.bases[1]
       FROM scope sc
       -- Hash joins, once per item: a lookup of the directory inside the lateral would scan it per candidate.
       LEFT JOIN directory od ON od.email = sc.owner_email
       LEFT JOIN directory bd ON bd.email = sc.backup_email
       LEFT JOIN directory md ON md.email = od.manager
       CROSS JOIN LATERAL (
         SELECT array_agg(v.email ORDER BY v.ord) AS chain, array_agg(v.basis ORDER BY v.ord) AS bases
         FROM (
           SELECT DISTINCT ON (cand.email) cand.ord, cand.email, cand.basis
           FROM (VALUES (1, sc.owner_email, 'owner', od.active IS NOT FALSE OR od.departed IS NOT TRUE),
                        (2, sc.backup_email, 'backup', bd.active IS NOT FALSE OR bd.departed IS NOT TRUE),
                        (3, od.manager, 'manager', md.active IS NOT FALSE OR md.departed IS NOT TRUE),
                        (4, $3::text, 'security_queue', true))
                AS cand(ord, email, basis, present)
           WHERE cand.email IS NOT NULL
             AND (cand.basis = 'security_queue' OR (cand.present AND cand.email IS DISTINCT FROM sc.subject_email))
           ORDER BY cand.email, cand.ord
         ) v
       ) ch
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM inserted`,
    params,
  );
  return rows[0]?.n ?? 0;
}
