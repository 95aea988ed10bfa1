import { AS_OF, present } from "@/lib/policy/rules/fragments";
import type { RuleQuery } from "@/lib/policy/rules/types";

/**
 * An identity whose resolved owner (`resolved_owners`, migration 20261204020000_ownership; not a
 * merely suggested one) is not an active person of the directory as of $1: a present person with
 * that e-mail has status `left` (and none is `active`), or — when a directory exists at all (any
 * present person) — nobody has it. Without a directory "unknown" proves nothing, so only `left`
 * fires. Only the primary owner counts: an active backup does not keep the identity owned (it is
 * named in the evidence, as the one to hand it to). E-mails compare lower-cased.
 */
export const ownerDeparted: RuleQuery = {
  id: "owner-departed",
  subjects: ["identity"],
  sql: `
WITH directory AS (
  SELECT lower(p.email) AS email, bool_or(p.status = 'active') AS active, bool_or(p.status = 'left') AS departed
  FROM people p WHERE ${present("p")}
  GROUP BY lower(p.email)
)
SELECT 'identity' AS subject_type, r.identity_id AS subject_id,
       jsonb_build_object(
         'owner', jsonb_build_object('email', r.email, 'status', CASE WHEN d.departed THEN 'left' ELSE 'unknown' END,
                                     'kind', r.kind, 'via', r.provenance),
         'backup', CASE WHEN r.backup_email IS NOT NULL THEN jsonb_build_object('email', r.backup_email,
                     'status', CASE WHEN b.active THEN 'active' WHEN b.departed THEN 'left' ELSE 'unknown' END) END) AS evidence
FROM resolved_owners(${AS_OF}) r
JOIN identities i ON i.id = r.identity_id
LEFT JOIN directory d ON d.email = r.email
LEFT JOIN directory b ON b.email = r.backup_email
WHERE ${present("i")} AND r.kind <> 'suggested' AND NOT coalesce(d.active, false)
  AND (coalesce(d.departed, false) OR EXISTS (SELECT 1 FROM people p WHERE ${present("p")}))`,
};
