import { notDead, present } from "@/lib/policy/rules/fragments";
import type { RuleQuery } from "@/lib/policy/rules/types";

/** A present `owned_by` edge from the node: an owner named by a relation rather than a hint. */
function ownedByEdge(node: string): string {
  return `EXISTS (SELECT 1 FROM edges e WHERE e.from_id = ${node} AND e.type = 'owned_by' AND ${present("e")})`;
}

/**
 * Identity: no owner e-mail in its owner hint (a team alone is not an accountable person) and no
 * `owned_by` edge. Credential: not revoked or expired, belongs to no identity (its identity's
 * owner would answer for it) and has no `owned_by` edge.
 */
export const noOwner: RuleQuery = {
  id: "no-owner",
  subjects: ["identity", "credential"],
  sql: `
SELECT 'identity' AS subject_type, i.id AS subject_id, jsonb_build_object('ownerHint', i.owner_hint) AS evidence
FROM identities i
WHERE ${present("i")} AND nullif(btrim(i.owner_hint->>'email'), '') IS NULL AND NOT ${ownedByEdge("i.id")}
UNION ALL
SELECT 'credential', c.id, jsonb_build_object('identityRef', c.identity_ref)
FROM credentials c
WHERE ${present("c")} AND ${notDead("c")} AND c.identity_id IS NULL AND NOT ${ownedByEdge("c.id")}`,
};
