import { credentialCriticality, credentialEnvironment, daysBefore, iso, live, present, providerManaged, threshold } from "@/lib/policy/rules/fragments";
import type { RuleQuery } from "@/lib/policy/rules/types";

/**
 * Kinds whose providers report last use. A CI variable or a certificate has no "last used", so
 * a missing value there means "not reported", not "never used".
 */
export const USAGE_TRACKED_TYPES = ["access_key", "api_key", "pat", "token", "client_secret", "deploy_key", "ssh_key"] as const;

/**
 * An active credential of a usage-tracked kind with no last use, created (or, when the source
 * gives no creation date, first seen) more than `graceDays` before as-of. A connector that knows
 * its source does not report usage sets `attributes.usageTracked = false` to opt out.
 */
export const neverUsed: RuleQuery = {
  id: "never-used",
  subjects: ["credential"],
  sql: `
SELECT 'credential' AS subject_type, x.id AS subject_id,
       jsonb_build_object('createdAt', ${iso("x.created")}, 'basis', x.basis, 'environment', x.environment, 'graceDays', t.grace) AS evidence
FROM (
  SELECT c.id, coalesce(c.created_at_source, c.first_seen_at) AS created,
         CASE WHEN c.created_at_source IS NULL THEN 'firstSeenAt' ELSE 'createdAt' END AS basis,
         ${credentialEnvironment()} AS environment, ${credentialCriticality()} AS criticality
  FROM credentials c LEFT JOIN identities i ON i.id = c.identity_id
  WHERE ${present("c")} AND ${live("c")} AND NOT ${providerManaged("c")} AND c.last_used_at IS NULL
    AND c.type IN (${USAGE_TRACKED_TYPES.map((t) => `'${t}'`).join(", ")})
    AND coalesce(c.attributes->>'usageTracked', 'true') <> 'false'
) x
CROSS JOIN LATERAL (SELECT ${threshold("graceDays", "x.environment", "x.criticality")} AS grace) t
WHERE x.created < ${daysBefore("t.grace")}`,
};
