import { credentialCriticality, credentialEnvironment, daysAfter, iso, live, present, providerManaged, threshold } from "@/lib/policy/rules/fragments";
import type { RuleQuery } from "@/lib/policy/rules/types";

/**
 * Credential kinds that can be issued with an expiry, so a missing or distant one is a choice
 * someone made. Access keys, SSH and deploy keys cannot expire at most providers; their age is
 * `credential-max-age`'s business.
 */
export const EXPIRING_CREDENTIAL_TYPES = ["pat", "token", "client_secret", "certificate", "api_key"] as const;

/**
 * An active credential of an expiring kind with no expiry (`expires_at` null) or one more than
 * `maxValidityDays` after as-of. Exactly `maxValidityDays` ahead is within the limit.
 */
export const noExpiry: RuleQuery = {
  id: "no-expiry",
  subjects: ["credential"],
  sql: `
SELECT 'credential' AS subject_type, x.id AS subject_id,
       jsonb_build_object('expiresAt', ${iso("x.expires_at")}, 'type', x.type, 'environment', x.environment, 'maxValidityDays', t.max_validity) AS evidence
FROM (
  SELECT c.id, c.type, c.expires_at, ${credentialEnvironment()} AS environment, ${credentialCriticality()} AS criticality
  FROM credentials c LEFT JOIN identities i ON i.id = c.identity_id
  WHERE ${present("c")} AND ${live("c")} AND NOT ${providerManaged("c")}
    AND c.type IN (${EXPIRING_CREDENTIAL_TYPES.map((t) => `'${t}'`).join(", ")})
) x
CROSS JOIN LATERAL (SELECT ${threshold("maxValidityDays", "x.environment", "x.criticality")} AS max_validity) t
WHERE x.expires_at IS NULL OR x.expires_at > ${daysAfter("t.max_validity")}`,
};
