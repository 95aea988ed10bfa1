import { notDead, present } from "@/lib/policy/rules/fragments";
import type { RuleQuery } from "@/lib/policy/rules/types";

const inStateFile = `(s.provider = 'terraform'
  OR jsonb_path_exists(c.locations, '$[*] ? (@.path like_regex "[.]tfstate([.]backup)?$" flag "i")'))`;

/** A private key found in a file (a path, no commit: commits are `secret-in-code`'s)… */
const keyInFile = `(c.type = 'private_key'
  AND jsonb_path_exists(c.locations, '$[*] ? (exists(@.path) && !(exists(@.commit)))')
  AND NOT EXISTS (SELECT 1 FROM edges e JOIN resources r ON r.id = e.to_id
                  WHERE e.from_id = c.id AND e.type = 'stored_in' AND ${present("e")}
                    AND r.type IN ('secret_store', 'vault_mount')))`;

/**
 * A credential (not revoked or expired) kept in plain configuration, with the reasons:
 * `ci-variable-unmasked` / `ci-variable-unprotected` (a CI variable with `attributes.masked` /
 * `attributes.protected` false), `kubernetes-opaque-secret` (`attributes.secretType = 'Opaque'`),
 * `terraform-state` (from a Terraform source, or a location in a `.tfstate` file),
 * `private-key-in-file` (…and not stored in a secret store or Vault mount), `plain-text`
 * (a connector's explicit `attributes.plainText = true`).
 */
export const secretInPlainConfig: RuleQuery = {
  id: "secret-in-plain-config",
  subjects: ["credential"],
  sql: `
SELECT 'credential' AS subject_type, x.id AS subject_id, jsonb_build_object('reasons', to_jsonb(x.reasons)) AS evidence
FROM (
  SELECT c.id, array_remove(ARRAY[
    CASE WHEN c.type = 'ci_variable' AND c.attributes->>'masked' = 'false' THEN 'ci-variable-unmasked' END,
    CASE WHEN c.type = 'ci_variable' AND c.attributes->>'protected' = 'false' THEN 'ci-variable-unprotected' END,
    CASE WHEN c.attributes->>'secretType' = 'Opaque' THEN 'kubernetes-opaque-secret' END,
    CASE WHEN ${inStateFile} THEN 'terraform-state' END,
    CASE WHEN ${keyInFile} THEN 'private-key-in-file' END,
    CASE WHEN c.attributes->>'plainText' = 'true' THEN 'plain-text' END
  ]::text[], NULL) AS reasons
  FROM credentials c JOIN sources s ON s.id = c.source_id
  WHERE ${present("c")} AND ${notDead("c")}
) x
WHERE cardinality(x.reasons) > 0`,
};
