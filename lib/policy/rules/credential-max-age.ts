import { credentialCriticality, credentialEnvironment, daysBefore, iso, live, present, providerManaged, threshold } from "@/lib/policy/rules/fragments";
import type { RuleQuery } from "@/lib/policy/rules/types";

/**
 * An active credential whose last rotation (or creation, if never rotated) is more than
 * `maxAgeDays` before as-of. Certificates are left to the certificate rules (their lifetime is
 * their validity), provider-managed keys to the provider, and credentials with neither date are
 * skipped: there is no age to judge.
 */
export const credentialMaxAge: RuleQuery = {
  id: "credential-max-age",
  subjects: ["credential"],
  sql: `
SELECT 'credential' AS subject_type, x.id AS subject_id,
       jsonb_build_object('since', ${iso("x.anchor")}, 'basis', x.basis, 'environment', x.environment, 'maxAgeDays', t.max_age) AS evidence
FROM (
  SELECT c.id,
         greatest(c.last_rotated_at, c.created_at_source) AS anchor,
         CASE WHEN c.last_rotated_at IS NOT NULL AND (c.created_at_source IS NULL OR c.last_rotated_at >= c.created_at_source)
              THEN 'lastRotatedAt' ELSE 'createdAt' END AS basis,
         ${credentialEnvironment()} AS environment, ${credentialCriticality()} AS criticality
  FROM credentials c LEFT JOIN identities i ON i.id = c.identity_id
  WHERE ${present("c")} AND ${live("c")} AND c.type <> 'certificate' AND NOT ${providerManaged("c")}
    AND (c.last_rotated_at IS NOT NULL OR c.created_at_source IS NOT NULL)
) x
CROSS JOIN LATERAL (SELECT ${threshold("maxAgeDays", "x.environment", "x.criticality")} AS max_age) t
WHERE x.anchor < ${daysBefore("t.max_age")}`,
};
