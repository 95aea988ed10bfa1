import { notDead, present } from "@/lib/policy/rules/fragments";
import { holdsSecret, SHARED_FINGERPRINTS } from "@/lib/policy/rules/secret-reused";
import type { RuleQuery } from "@/lib/policy/rules/types";

/** An environment name as compared here: trimmed, lower-cased, empty = none. */
const env = (expression: string) => `nullif(lower(btrim(${expression})), '')`;

/**
 * Secret: one value (fingerprint) held in more than one environment (a credential's own, else its
 * identity's); subject chosen as in `secret-reused`. Identity: more than one environment among its
 * own, its present credentials' and those of the resources it has permissions on. Records without
 * an environment do not count.
 */
export const crossEnvironment: RuleQuery = {
  id: "cross-environment",
  subjects: ["credential", "identity"],
  sql: `
SELECT 'credential' AS subject_type,
       (array_agg(x.id ORDER BY x.first_seen_at, x.id))[1] AS subject_id,
       jsonb_build_object('fingerprint', x.fingerprint,
         'environments', to_jsonb(array_agg(DISTINCT x.environment ORDER BY x.environment)),
         'credentials', to_jsonb((array_agg(jsonb_build_object('credentialId', x.id, 'environment', x.environment) ORDER BY x.id))[1:100])) AS evidence
FROM (
  SELECT c.id, c.first_seen_at, c.fingerprint, ${env("coalesce(c.environment, i.environment)")} AS environment
  FROM credentials c LEFT JOIN identities i ON i.id = c.identity_id
  WHERE ${holdsSecret("c")} AND c.fingerprint IN (${SHARED_FINGERPRINTS})
) x
WHERE x.environment IS NOT NULL
GROUP BY x.fingerprint
HAVING count(DISTINCT x.environment) > 1
UNION ALL
(WITH per_environment AS (
  -- UNION ALL + one hash aggregate: deduplicating millions of permission rows by sorting is the slow part.
  SELECT u.identity_id, u.environment,
         to_jsonb(array_remove(ARRAY[CASE WHEN bool_or(u.via = 1) THEN 'credential' END,
                                     CASE WHEN bool_or(u.via = 0) THEN 'identity' END,
                                     CASE WHEN bool_or(u.via = 2) THEN 'permission' END]::text[], NULL)) AS via
  FROM (
    SELECT i.id AS identity_id, ${env("i.environment")} AS environment, 0 AS via
    FROM identities i WHERE ${present("i")}
    UNION ALL
    SELECT c.identity_id, ${env("c.environment")}, 1
    FROM credentials c WHERE ${present("c")} AND ${notDead("c")} AND c.identity_id IS NOT NULL
    UNION ALL
    SELECT e.from_id, ${env("r.environment")}, 2
    FROM edges e JOIN resources r ON r.id = e.to_id
    WHERE e.type = 'has_permission' AND ${present("e")} AND ${present("r")}
  ) u
  WHERE u.environment IS NOT NULL AND u.identity_id IS NOT NULL
  GROUP BY u.identity_id, u.environment
)
SELECT 'identity', p.identity_id,
       jsonb_build_object('environments', jsonb_agg(jsonb_build_object('environment', p.environment, 'via', p.via) ORDER BY p.environment))
FROM per_environment p
WHERE p.identity_id IN (SELECT i.id FROM identities i WHERE ${present("i")})
GROUP BY p.identity_id
HAVING count(*) > 1)`,
};
