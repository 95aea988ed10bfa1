import { asArray, iso, live, present } from "@/lib/policy/rules/fragments";
import type { RuleQuery } from "@/lib/policy/rules/types";

const isRoot = `(c.attributes->>'root' = 'true' OR ${asArray("c.attributes->'policies'")} ? 'root')`;

/**
 * Token credential (present, active): a root token (`attributes.root = true` or `root` among
 * `attributes.policies`), or one with no expiry and `attributes.ttl = 0` (Vault's "never expires").
 * Identity: a Vault AppRole whose `attributes.secretIdTtl` is 0 (secret ids never expire).
 */
export const nonExpiringToken: RuleQuery = {
  id: "non-expiring-token",
  subjects: ["credential", "identity"],
  sql: `
SELECT 'credential' AS subject_type, c.id AS subject_id,
       jsonb_build_object('root', ${isRoot}, 'policies', c.attributes->'policies', 'ttl', c.attributes->'ttl', 'expiresAt', ${iso("c.expires_at")}) AS evidence
FROM credentials c
WHERE ${present("c")} AND ${live("c")} AND c.type = 'token'
  AND (${isRoot} OR (c.expires_at IS NULL AND c.attributes->>'ttl' = '0'))
UNION ALL
SELECT 'identity', i.id, jsonb_build_object('secretIdTtl', i.attributes->'secretIdTtl')
FROM identities i
WHERE ${present("i")} AND i.type = 'vault_approle' AND i.attributes->>'secretIdTtl' = '0'`,
};
