import { live, present, providerManaged } from "@/lib/policy/rules/fragments";
import type { RuleQuery } from "@/lib/policy/rules/types";

/** Kinds where a second active one means an unfinished rotation (or a key shared out). */
export const KEY_TYPES = ["access_key", "api_key", "client_secret", "private_key"] as const;

/**
 * An identity with more than one present, active credential of the same kind in KEY_TYPES.
 * Provider-managed keys (GCP system-managed) are not counted: Google keeps several at a time.
 */
export const multipleActiveKeys: RuleQuery = {
  id: "multiple-active-keys",
  subjects: ["identity"],
  sql: `
WITH multi AS (
  SELECT c.identity_id, c.type, to_jsonb(array_agg(c.id::text ORDER BY c.id)) AS ids
  FROM credentials c
  WHERE ${present("c")} AND ${live("c")} AND c.identity_id IS NOT NULL AND NOT ${providerManaged("c")}
    AND c.type IN (${KEY_TYPES.map((t) => `'${t}'`).join(", ")})
  GROUP BY c.identity_id, c.type
  HAVING count(*) > 1
)
SELECT 'identity' AS subject_type, m.identity_id AS subject_id, jsonb_build_object('keys', jsonb_object_agg(m.type, m.ids)) AS evidence
FROM multi m JOIN identities i ON i.id = m.identity_id AND ${present("i")}
GROUP BY m.identity_id`,
};
