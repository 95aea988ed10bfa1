import { AS_OF, notDead, present } from "@/lib/policy/rules/fragments";
import type { RuleQuery } from "@/lib/policy/rules/types";

/** A present `owned_by` edge from the node: an owner named by a relation rather than a hint. */
/** An `owned_by` edge better than a suggestion (a committer or creator is a lead, not an owner). */
function ownedByEdge(node: string): string {
  return `EXISTS (SELECT 1 FROM edges e WHERE e.from_id = ${node} AND e.type = 'owned_by' AND ${present("e")}
    AND owner_provenance_kind(coalesce(e.attributes->>'provenance', '')) <> 'suggested')`;
}

/**
 * Identity: its resolved owner (`resolved_owners`, migration 20261204020000_ownership:
 * explicit > source > catalog > suggested) is missing or only suggested. An owner needs an e-mail
 * (a team alone is not an accountable person); a suggested owner (creator, committer) is a lead,
 * not an owner. Credential: not revoked or expired, belongs to no identity (its identity's owner
 * would answer for it) and has no `owned_by` edge but suggested ones.
 */
export const noOwner: RuleQuery = {
  id: "no-owner",
  subjects: ["identity", "credential"],
  sql: `
SELECT 'identity' AS subject_type, i.id AS subject_id,
       jsonb_build_object('ownerHint', i.owner_hint,
         'suggestedOwner', CASE WHEN r.kind = 'suggested' THEN jsonb_build_object('email', r.email, 'provenance', r.provenance) END) AS evidence
FROM identities i
LEFT JOIN resolved_owners(${AS_OF}) r ON r.identity_id = i.id
WHERE ${present("i")} AND (r.identity_id IS NULL OR r.kind = 'suggested')
UNION ALL
SELECT 'credential', c.id, jsonb_build_object('identityRef', c.identity_ref)
FROM credentials c
WHERE ${present("c")} AND ${notDead("c")} AND c.identity_id IS NULL AND NOT ${ownedByEdge("c.id")}`,
};
