import { PROD_ENVIRONMENT_PATTERN } from "@/lib/domain/environment-class";
import {
  credentialCriticality,
  credentialEnvironment,
  daysBefore,
  isProd,
  iso,
  live,
  notDead,
  present,
  providerManaged,
  threshold,
} from "@/lib/policy/rules/fragments";
import { PRIVILEGED_ROLES } from "@/lib/policy/rules/privileged";
import { holdsSecret } from "@/lib/policy/rules/secret-reused";

/*
 * The risk refresh as set-based SQL over the whole inventory (docs/risk.md). Parameters:
 *   $1 timestamptz  now (ages, presence and owners are judged as of it)
 *   $2 jsonb        credential-max-age's resolved thresholds ({ maxAgeDays: … }), as the rule gets them
 *   $3 jsonb        RISK_WEIGHTS (risk-formula.ts)   $4 numeric RISK_BASE   $5 numeric RISK_CAP
 * Rules' fragments are reused so "present", "live", "prod" and the rotation policy mean exactly
 * what they mean for the findings.
 */

const ROLE_LIST = `ARRAY[${PRIVILEGED_ROLES.map((r) => `'${r}'`).join(", ")}]`;

/** A grant's effective level and why: admin-equivalent roles, wildcards and flags count as admin. */
const GRANT_REASON = `CASE WHEN e.level = 'admin' THEN 'level'
  WHEN e.attributes->>'wildcard' = 'true' THEN 'wildcard'
  WHEN e.attributes->>'privileged' = 'true' THEN 'privileged'
  WHEN lower(e.attributes->>'role') = ANY(${ROLE_LIST}) THEN 'role'
  ELSE 'level' END`;

/** Explicitly named production (an unset resource environment proves nothing about reach). */
const namedProd = (environment: string) => `(${environment} IS NOT NULL AND lower(btrim(${environment})) ~ '${PROD_ENVIRONMENT_PATTERN}')`;

const node = (id: string, name: string) => `jsonb_build_object('id', ${id}, 'name', ${name})`;

const weight = (factor: string, level: string) => `($3::jsonb -> '${factor}' ->> ${level})::numeric`;

const FACTORS_SQL = `
WITH ids AS (
  SELECT i.id, i.environment, i.attributes FROM identities i WHERE ${present("i")}
),
-- Credentials each identity holds (the loader's link or a has_credential edge), present and not revoked/expired.
held AS (
  SELECT x.identity_id, c.id, c.name, c.type, c.status, c.environment, c.tags, c.attributes, c.fingerprint,
         c.last_rotated_at, c.created_at_source
  FROM (
    SELECT c.identity_id, c.id FROM credentials c WHERE c.identity_id IS NOT NULL
    UNION
    SELECT e.from_id, e.to_id FROM edges e
    WHERE e.type = 'has_credential' AND e.from_id IS NOT NULL AND e.to_id IS NOT NULL AND ${present("e")}
  ) x
  JOIN credentials c ON c.id = x.id
  WHERE ${present("c")} AND ${notDead("c")}
),
-- Who acts for an identity: itself, its credentials, and the roles it can assume (one hop).
principals AS (
  SELECT i.id AS identity_id, i.id AS principal_id, 'identity' AS via_kind, 0 AS via_order FROM ids i
  UNION ALL
  SELECT h.identity_id, h.id, 'credential', 1 FROM held h
  UNION ALL
  SELECT e.from_id, e.to_id, 'assumed-role', 2 FROM edges e JOIN ids r ON r.id = e.to_id
  WHERE e.type = 'can_assume' AND e.from_id IS NOT NULL AND e.from_id <> e.to_id AND ${present("e")}
),
grants AS (
  SELECT p.identity_id, p.principal_id, p.via_kind, p.via_order, e.to_id, e.to_external_id, e.attributes->>'role' AS role, g.reason,
         CASE WHEN e.level = 'admin' OR g.reason <> 'level' THEN 3 WHEN e.level = 'write' THEN 2 ELSE 1 END AS rank
  FROM principals p
  JOIN edges e ON e.from_id = p.principal_id AND e.type = 'has_permission' AND ${present("e")}
  CROSS JOIN LATERAL (SELECT ${GRANT_REASON} AS reason) g
),
-- Counted apart (a hash aggregate): a window count would add a second sort of every grant.
grant_counts AS (
  SELECT g.identity_id, count(*) AS grants FROM grants g GROUP BY g.identity_id
),
best_grant AS (
  SELECT DISTINCT ON (g.identity_id) g.*, gc.grants
  FROM grants g JOIN grant_counts gc ON gc.identity_id = g.identity_id
  ORDER BY g.identity_id, g.rank DESC, g.via_order, g.to_id NULLS LAST, g.to_external_id, g.principal_id
),
prod_reach AS (
  SELECT DISTINCT ON (g.identity_id) g.identity_id, r.id, r.name, r.environment
  FROM grants g JOIN resources r ON r.id = g.to_id
  WHERE ${namedProd("r.environment")} AND ${present("r")}
  ORDER BY g.identity_id, r.name, r.id
),
-- Open or accepted findings of the secrets rules (suppressed ones were judged not to be secrets).
exposed AS (
  SELECT h.identity_id, count(DISTINCT h.id) AS credentials,
         (array_agg(jsonb_build_object('rule', f.rule, 'credential', ${node("h.id", "h.name")},
            'locations', CASE WHEN f.rule = 'secret-in-code' THEN jsonb_path_query_array(f.evidence->'locations', '$[0 to 2]') END,
            'reasons', CASE WHEN f.rule = 'secret-in-plain-config' THEN f.evidence->'reasons' END)
          ORDER BY f.rule = 'secret-in-code' DESC, h.name, h.id))[1] AS pick
  FROM held h JOIN findings f ON f.subject_id = h.id AND f.subject_type = 'credential'
  WHERE f.rule IN ('secret-in-code', 'secret-in-plain-config') AND f.status IN ('open', 'accepted')
  GROUP BY h.identity_id
),
shared AS (
  SELECT f.fingerprint, count(*) AS holders FROM credentials f WHERE ${holdsSecret("f")} GROUP BY f.fingerprint HAVING count(*) > 1
),
reused AS (
  SELECT DISTINCT ON (h.identity_id) h.identity_id, h.id, h.name, s.holders, o.other_id, o.other_name, o.source, o.location
  FROM held h
  JOIN shared s ON s.fingerprint = h.fingerprint
  CROSS JOIN LATERAL (
    SELECT o.id AS other_id, o.name AS other_name, src.name AS source,
           coalesce(jsonb_path_query_first(o.locations, '$[*] ? (exists(@.commit))'), o.locations->0) AS location
    FROM credentials o JOIN sources src ON src.id = o.source_id
    WHERE o.fingerprint = h.fingerprint AND o.id <> h.id AND ${holdsSecret("o")}
    ORDER BY jsonb_path_exists(o.locations, '$[*] ? (exists(@.commit))') DESC, o.locations <> '[]'::jsonb DESC, o.id
    LIMIT 1
  ) o
  ORDER BY h.identity_id, s.holders DESC, h.name, h.id
),
-- The active credential furthest past its rotation policy (as a share of its own maximum age).
aged AS (
  SELECT DISTINCT ON (x.identity_id) x.identity_id, x.id, x.name, x.anchor, x.basis, t.max_age
  FROM (
    SELECT h.identity_id, h.id, h.name, greatest(h.last_rotated_at, h.created_at_source) AS anchor,
           CASE WHEN h.last_rotated_at IS NOT NULL AND (h.created_at_source IS NULL OR h.last_rotated_at >= h.created_at_source)
                THEN 'lastRotatedAt' ELSE 'createdAt' END AS basis,
           ${credentialEnvironment("h", "hi")} AS environment, ${credentialCriticality("h", "hi")} AS criticality
    FROM held h JOIN identities hi ON hi.id = h.identity_id
    WHERE ${live("h")} AND h.type <> 'certificate' AND NOT ${providerManaged("h")}
      AND (h.last_rotated_at IS NOT NULL OR h.created_at_source IS NOT NULL)
  ) x
  CROSS JOIN LATERAL (SELECT ${threshold("maxAgeDays", "x.environment", "x.criticality")} AS max_age) t
  ORDER BY x.identity_id, extract(epoch FROM ($1::timestamptz - x.anchor)) / greatest(t.max_age, 1) DESC, x.id
),
directory AS (
  SELECT lower(p.email) AS email, bool_or(p.status = 'active') AS active, bool_or(p.status = 'left') AS departed
  FROM people p WHERE ${present("p")} GROUP BY lower(p.email)
),
levels AS (
  SELECT i.id,
    CASE WHEN i.attributes->>'superuser' = 'true' OR i.attributes->>'privileged' = 'true' OR bg.rank = 3 THEN 'admin'
         WHEN bg.rank = 2 THEN 'write' WHEN bg.rank = 1 THEN 'read' ELSE 'none' END AS privilege,
    jsonb_build_object(
      'grant', CASE WHEN bg.identity_id IS NOT NULL THEN jsonb_build_object(
        'level', CASE bg.rank WHEN 3 THEN 'admin' WHEN 2 THEN 'write' ELSE 'read' END, 'reason', bg.reason, 'role', bg.role,
        'resource', jsonb_build_object('id', gr.id, 'name', coalesce(gr.name, bg.to_external_id)),
        'via', jsonb_build_object('kind', bg.via_kind, 'id', bg.principal_id, 'name', coalesce(vc.name, vi.name))) END,
      'attribute', CASE WHEN i.attributes->>'superuser' = 'true' THEN 'superuser' WHEN i.attributes->>'privileged' = 'true' THEN 'privileged' END,
      'grants', coalesce(bg.grants, 0)) AS privilege_evidence,
    CASE WHEN ${isProd("i.environment")} OR pr.identity_id IS NOT NULL THEN 'prod' ELSE 'non-prod' END AS environment,
    jsonb_strip_nulls(jsonb_build_object('environment', nullif(btrim(i.environment), ''),
      'basis', CASE WHEN nullif(btrim(i.environment), '') IS NULL THEN 'unset' WHEN ${isProd("i.environment")} THEN 'identity'
                    WHEN pr.identity_id IS NOT NULL THEN 'resource' ELSE 'identity' END,
      'resource', CASE WHEN NOT ${isProd("i.environment")} AND pr.identity_id IS NOT NULL
                       THEN jsonb_build_object('id', pr.id, 'name', pr.name, 'environment', pr.environment) END)) AS environment_evidence,
    CASE x.pick->>'rule' WHEN 'secret-in-code' THEN 'code' WHEN 'secret-in-plain-config' THEN 'plain-config' ELSE 'none' END AS exposure,
    CASE WHEN x.identity_id IS NULL THEN '{}'::jsonb ELSE jsonb_strip_nulls(x.pick || jsonb_build_object('credentials', x.credentials)) END AS exposure_evidence,
    CASE WHEN ru.identity_id IS NULL THEN 'none' ELSE 'reused' END AS reuse,
    CASE WHEN ru.identity_id IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('credential', ${node("ru.id", "ru.name")}, 'holders', ru.holders,
      'also', jsonb_build_object('id', ru.other_id, 'name', ru.other_name, 'source', ru.source, 'location', ru.location)) END AS reuse_evidence,
    CASE WHEN a.identity_id IS NULL THEN 'none'
         WHEN a.anchor < ${daysBefore("2 * a.max_age")} THEN 'far-over'
         WHEN a.anchor < ${daysBefore("a.max_age")} THEN 'over' ELSE 'within' END AS age,
    CASE WHEN a.identity_id IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('credential', ${node("a.id", "a.name")},
      'since', ${iso("a.anchor")}, 'basis', a.basis, 'maxAgeDays', a.max_age) END AS age_evidence,
    CASE WHEN o.identity_id IS NULL OR o.kind = 'suggested' THEN 'no-owner'
         WHEN NOT coalesce(d.active, false) AND (coalesce(d.departed, false) OR EXISTS (SELECT 1 FROM people p WHERE ${present("p")})) THEN 'owner-departed'
         ELSE 'owned' END AS ownership,
    jsonb_build_object(
      'owner', CASE WHEN o.kind <> 'suggested' THEN jsonb_build_object('email', o.email, 'via', o.provenance,
                 'status', CASE WHEN d.active THEN 'active' WHEN d.departed THEN 'left' ELSE 'unknown' END) END,
      'suggested', CASE WHEN o.kind = 'suggested' THEN jsonb_build_object('email', o.email, 'via', o.provenance) END) AS ownership_evidence
  FROM ids i
  LEFT JOIN best_grant bg ON bg.identity_id = i.id
  LEFT JOIN resources gr ON gr.id = bg.to_id
  LEFT JOIN credentials vc ON vc.id = bg.principal_id AND bg.via_kind = 'credential'
  LEFT JOIN identities vi ON vi.id = bg.principal_id AND bg.via_kind <> 'credential'
  LEFT JOIN prod_reach pr ON pr.identity_id = i.id
  LEFT JOIN exposed x ON x.identity_id = i.id
  LEFT JOIN reused ru ON ru.identity_id = i.id
  LEFT JOIN aged a ON a.identity_id = i.id
  LEFT JOIN resolved_owners($1::timestamptz) o ON o.identity_id = i.id
  LEFT JOIN directory d ON d.email = o.email
),
scored AS (
  SELECT l.id AS identity_id,
    round(least($5::numeric, $4::numeric * ${weight("privilege", "l.privilege")} * ${weight("environment", "l.environment")}
      * ${weight("exposure", "l.exposure")} * ${weight("reuse", "l.reuse")} * ${weight("age", "l.age")} * ${weight("ownership", "l.ownership")}), 1) AS score,
    jsonb_build_object(${["privilege", "environment", "exposure", "reuse", "age", "ownership"]
      .map((f) => `'${f}', jsonb_build_object('level', l.${f}, 'weight', $3::jsonb -> '${f}' -> l.${f}, 'evidence', l.${f}_evidence)`)
      .join(",\n      ")}) AS factors
  FROM levels l
)`;

/**
 * Upserts every present identity's score; a row whose score and factors are unchanged is not
 * touched (no new tuple, computed_at stays). Returns { computed, written }.
 */
export const UPSERT_RISK_SCORES = `${FACTORS_SQL},
upserted AS (
  INSERT INTO identity_risk_scores (identity_id, score, factors, computed_at)
  SELECT s.identity_id, s.score, s.factors, $1::timestamptz FROM scored s
  ON CONFLICT (identity_id) DO UPDATE SET score = EXCLUDED.score, factors = EXCLUDED.factors, computed_at = EXCLUDED.computed_at
  WHERE (identity_risk_scores.score, identity_risk_scores.factors) IS DISTINCT FROM (EXCLUDED.score, EXCLUDED.factors)
  RETURNING 1
)
SELECT (SELECT count(*) FROM scored)::int AS computed, (SELECT count(*) FROM upserted)::int AS written`;

/** Rows of identities that are gone (or no longer exist) as of $1. */
export const REMOVE_GONE_RISK_SCORES = `
DELETE FROM identity_risk_scores s
WHERE NOT EXISTS (SELECT 1 FROM identities i WHERE i.id = s.identity_id AND ${present("i")})`;
