import { AS_OF, credentialCriticality, daysAfter, iso, present, threshold } from "@/lib/policy/rules/fragments";
import type { RuleQuery } from "@/lib/policy/rules/types";

/**
 * A certificate (not revoked, not expired) whose notAfter falls within `warningDays` of as-of,
 * both ends included.
 */
export const certExpiring: RuleQuery = {
  id: "cert-expiring",
  subjects: ["credential"],
  sql: `
SELECT 'credential' AS subject_type, x.id AS subject_id,
       jsonb_build_object('expiresAt', ${iso("x.expires_at")}, 'thumbprint', x.thumbprint, 'warningDays', t.warning) AS evidence
FROM (
  SELECT c.id, c.expires_at, c.thumbprint, coalesce(c.environment, i.environment) AS environment, ${credentialCriticality()} AS criticality
  FROM credentials c LEFT JOIN identities i ON i.id = c.identity_id
  WHERE ${present("c")} AND c.type = 'certificate' AND c.status NOT IN ('revoked', 'expired') AND c.expires_at >= ${AS_OF}
) x
CROSS JOIN LATERAL (SELECT ${threshold("warningDays", "x.environment", "x.criticality")} AS warning) t
WHERE x.expires_at <= ${daysAfter("t.warning")}`,
};
