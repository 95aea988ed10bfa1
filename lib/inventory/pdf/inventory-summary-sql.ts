import "server-only";
import { FINDINGS_AT } from "@/lib/reports/compliance-sql";

/*
 * The inventory summary's SQL, each statement answering "as of $1" with set-based aggregates (one
 * pass per table, no row reads): a record is present at T when first seen by T and not retired by
 * then (lib/inventory/export-window.ts); a finding's status at T is the compliance report's
 * (lib/reports/compliance-sql.ts), so both documents give the same open counts.
 */

const present = (alias: string) => `${alias}.first_seen_at <= $1 AND (${alias}.gone_since IS NULL OR ${alias}.gone_since > $1)`;

/**
 * Counts per source, per type and per environment plus the total, in one pass over a table.
 * `g` is GROUPING(source_id, type, environment): 3 = by source, 5 = by type, 6 = by environment, 7 = total.
 */
export const breakdownSql = (table: "identities" | "credentials" | "resources") => `
SELECT GROUPING(t.source_id, t.type, t.environment)::int AS g, t.source_id::text AS source_id, t.type, t.environment, count(*)::bigint AS n
FROM ${table} t WHERE ${present("t")}
GROUP BY GROUPING SETS ((t.source_id), (t.type), (t.environment), ())`;

export const GROUPED_BY = { source: 3, type: 5, environment: 6, total: 7 } as const;

/** Present identities with a resolved owner better than a suggestion (rank < 4, as the no-owner rule). */
export const OWNED_IDENTITIES = `
SELECT count(DISTINCT oc.identity_id)::bigint AS n
FROM owner_candidates($1) oc JOIN identities t ON t.id = oc.identity_id
WHERE oc.rank < 4 AND ${present("t")}`;

/**
 * Credentials whose maximum-age finding was unresolved at $1 and not suppressed then: open, or
 * accepted as a risk (accepting a risk does not rotate the key).
 */
const OVERDUE = `
SELECT DISTINCT q.subject_id FROM (${FINDINGS_AT}) q
WHERE q.rule = 'credential-max-age' AND q.status_at IN ('open', 'accepted')`;

/** Age buckets of lib/inventory/inventory-summary.ts (AGE_BUCKETS), counted in the same pass. */
export const CREDENTIAL_FIGURES = `
WITH overdue AS (${OVERDUE}),
c AS (SELECT t.id, t.status, t.expires_at, coalesce(t.last_rotated_at, t.created_at_source) AS age_base
      FROM credentials t WHERE ${present("t")})
SELECT count(*) FILTER (WHERE c.status = 'active')::bigint AS active,
       count(*) FILTER (WHERE c.status = 'active' AND o.subject_id IS NULL)::bigint AS within_policy,
       count(*) FILTER (WHERE c.status = 'active' AND c.expires_at >= $1 AND c.expires_at < $1::timestamptz + interval '30 days')::bigint AS expiring,
       count(*) FILTER (WHERE c.age_base IS NULL)::bigint AS "unknown",
       count(*) FILTER (WHERE c.age_base > $1::timestamptz - interval '30 days')::bigint AS "< 30 d",
       count(*) FILTER (WHERE c.age_base <= $1::timestamptz - interval '30 days' AND c.age_base > $1::timestamptz - interval '90 days')::bigint AS "30–90 d",
       count(*) FILTER (WHERE c.age_base <= $1::timestamptz - interval '90 days' AND c.age_base > $1::timestamptz - interval '180 days')::bigint AS "90–180 d",
       count(*) FILTER (WHERE c.age_base <= $1::timestamptz - interval '180 days' AND c.age_base > $1::timestamptz - interval '365 days')::bigint AS "180–365 d",
       count(*) FILTER (WHERE c.age_base <= $1::timestamptz - interval '365 days')::bigint AS "> 1 y"
FROM c LEFT JOIN overdue o ON o.subject_id = c.id`;

/** Findings open at $1 by severity. */
export const OPEN_FINDINGS_BY_SEVERITY = `
SELECT q.severity, count(*)::bigint AS n FROM (${FINDINGS_AT}) q WHERE q.status_at = 'open' GROUP BY q.severity`;

/** The highest scores among identities present at $1 ($2 = how many); uses the (score DESC, id) index. */
export const TOP_RISKS = `
SELECT t.id::text AS id, t.name, t.type, t.environment, s.score::float8 AS score, s.factors, s.computed_at
FROM identity_risk_scores s JOIN identities t ON t.id = s.identity_id
WHERE ${present("t")}
ORDER BY s.score DESC, s.identity_id
LIMIT $2`;
