import { RSA_ALGORITHM_PATTERN, WEAK_SIGNATURE_PATTERN } from "@/lib/domain/key-strength";
import { credentialCriticality, credentialEnvironment, notDead, present, threshold } from "@/lib/policy/rules/fragments";
import type { RuleQuery } from "@/lib/policy/rules/types";

/**
 * A credential (not revoked or expired) with an RSA key shorter than `minRsaBits`, or whose
 * `algorithm` or `attributes.signatureAlgorithm` names SHA-1, MD5 or MD2 (lib/domain/key-strength).
 */
export const weakKey: RuleQuery = {
  id: "weak-key",
  subjects: ["credential"],
  sql: `
SELECT 'credential' AS subject_type, x.id AS subject_id,
       jsonb_build_object('algorithm', x.algorithm, 'keySize', x.key_size, 'signatureAlgorithm', x.signature, 'minRsaBits', x.min_bits,
         'reasons', to_jsonb(array_remove(ARRAY[CASE WHEN x.weak_rsa THEN 'rsa-key-size' END,
                                                 CASE WHEN x.weak_signature THEN 'weak-signature' END]::text[], NULL))) AS evidence
FROM (
  SELECT c.id, c.algorithm, c.key_size, c.attributes->>'signatureAlgorithm' AS signature, t.min_bits,
         coalesce(lower(c.algorithm) ~ '${RSA_ALGORITHM_PATTERN}' AND c.key_size < t.min_bits, false) AS weak_rsa,
         coalesce(lower(c.algorithm) ~ '${WEAK_SIGNATURE_PATTERN}', false)
           OR coalesce(lower(c.attributes->>'signatureAlgorithm') ~ '${WEAK_SIGNATURE_PATTERN}', false) AS weak_signature
  FROM credentials c LEFT JOIN identities i ON i.id = c.identity_id
  CROSS JOIN LATERAL (SELECT ${threshold("minRsaBits", credentialEnvironment(), credentialCriticality())} AS min_bits) t
  WHERE ${present("c")} AND ${notDead("c")} AND (c.algorithm IS NOT NULL OR c.attributes ? 'signatureAlgorithm')
) x
WHERE x.weak_rsa OR x.weak_signature`,
};
