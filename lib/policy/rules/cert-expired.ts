import { AS_OF, iso, present } from "@/lib/policy/rules/fragments";
import type { RuleQuery } from "@/lib/policy/rules/types";

/**
 * A certificate (not revoked) whose notAfter is before as-of. Validity includes notAfter
 * (RFC 5280), so at exactly notAfter it is `cert-expiring`, not expired.
 */
export const certExpired: RuleQuery = {
  id: "cert-expired",
  subjects: ["credential"],
  sql: `
SELECT 'credential' AS subject_type, c.id AS subject_id,
       jsonb_build_object('expiresAt', ${iso("c.expires_at")}, 'thumbprint', c.thumbprint) AS evidence
FROM credentials c
WHERE ${present("c")} AND c.type = 'certificate' AND c.status <> 'revoked' AND c.expires_at < ${AS_OF}`,
};
