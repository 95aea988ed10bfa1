import { credentialCriticality, credentialEnvironment, daysBefore, identityCriticality, iso, live, present, providerManaged, threshold } from "@/lib/policy/rules/fragments";
import type { RuleQuery } from "@/lib/policy/rules/types";

/**
 * Credential: active, last used more than `maxIdleDays` before as-of (never-used credentials are
 * `never-used`'s). Identity: active, and the latest of its own last activity and any of its
 * credentials' last use is that old — an IAM user whose keys are busy is not unused just because
 * nobody signed in to the console. A use recorded after as-of counts as recent: we cannot tell
 * what came before it.
 */
export const unused: RuleQuery = {
  id: "unused",
  subjects: ["credential", "identity"],
  sql: `
SELECT 'credential' AS subject_type, x.id AS subject_id,
       jsonb_build_object('lastUsedAt', ${iso("x.last_used_at")}, 'environment', x.environment, 'maxIdleDays', t.max_idle) AS evidence
FROM (
  SELECT c.id, c.last_used_at, ${credentialEnvironment()} AS environment, ${credentialCriticality()} AS criticality
  FROM credentials c LEFT JOIN identities i ON i.id = c.identity_id
  WHERE ${present("c")} AND ${live("c")} AND NOT ${providerManaged("c")} AND c.last_used_at IS NOT NULL
) x
CROSS JOIN LATERAL (SELECT ${threshold("maxIdleDays", "x.environment", "x.criticality")} AS max_idle) t
WHERE x.last_used_at < ${daysBefore("t.max_idle")}
UNION ALL
SELECT 'identity', x.id,
       jsonb_build_object('lastActivityAt', ${iso("x.last_activity")}, 'environment', x.environment, 'maxIdleDays', t.max_idle)
FROM (
  SELECT i.id, i.environment, ${identityCriticality()} AS criticality, greatest(i.last_activity_at, u.last_used) AS last_activity
  FROM identities i
  LEFT JOIN (
    SELECT c.identity_id, max(c.last_used_at) AS last_used
    FROM credentials c
    WHERE ${present("c")} AND c.identity_id IS NOT NULL AND c.last_used_at IS NOT NULL
    GROUP BY c.identity_id
  ) u ON u.identity_id = i.id
  WHERE ${present("i")} AND ${live("i")}
) x
CROSS JOIN LATERAL (SELECT ${threshold("maxIdleDays", "x.environment", "x.criticality")} AS max_idle) t
WHERE x.last_activity < ${daysBefore("t.max_idle")}`,
};
