import { notDead, present, providerManaged } from "@/lib/policy/rules/fragments";
import type { RuleQuery } from "@/lib/policy/rules/types";

/**
 * What a CI connector may report, in `attributes.valueKind`, after matching a variable's value
 * against cloud key formats in memory (the value itself is only fingerprinted). Short-lived
 * session keys (`aws_session_credentials`) are deliberately absent.
 */
export const CLOUD_KEY_VALUE_KINDS = ["aws_access_key", "aws_secret_access_key", "gcp_service_account_key", "azure_client_secret"] as const;

/**
 * A CI/CD variable (type `ci_variable`, not revoked or expired) holding a long-lived cloud key:
 * its connector reports a cloud `valueKind`, or its fingerprint equals that of a present cloud
 * access key (type `access_key`, not provider-managed) elsewhere in the inventory, e.g. one
 * whose secret Terraform state revealed.
 */
export const staticCloudKeyInCi: RuleQuery = {
  id: "static-cloud-key-in-ci",
  subjects: ["credential"],
  sql: `
SELECT 'credential' AS subject_type, c.id AS subject_id,
       jsonb_build_object('valueKind', c.attributes->'valueKind', 'matchingKeys', coalesce(m.ids, '[]'::jsonb)) AS evidence
FROM credentials c
LEFT JOIN LATERAL (
  SELECT to_jsonb(array_agg(k.id::text ORDER BY k.id)) AS ids
  FROM credentials k
  WHERE k.fingerprint = c.fingerprint AND k.id <> c.id AND k.type = 'access_key'
    AND ${present("k")} AND ${notDead("k")} AND NOT ${providerManaged("k")}
) m ON true
WHERE ${present("c")} AND ${notDead("c")} AND c.type = 'ci_variable'
  AND (c.attributes->>'valueKind' IN (${CLOUD_KEY_VALUE_KINDS.map((k) => `'${k}'`).join(", ")}) OR m.ids IS NOT NULL)`,
};
