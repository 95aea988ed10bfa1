import { present } from "@/lib/policy/rules/fragments";
import type { RuleQuery } from "@/lib/policy/rules/types";

/**
 * An identity with an owner (owner-hint e-mail, or a person at the end of an `owned_by` edge) who
 * is not an active person of the directory as of $1: a present person with that e-mail has
 * status `left` (and none is `active`), or — when a directory exists at all (any present person)
 * — nobody has that e-mail. Without a directory "unknown" proves nothing, so only `left` fires.
 * E-mails compare lower-cased.
 */
export const ownerDeparted: RuleQuery = {
  id: "owner-departed",
  subjects: ["identity"],
  sql: `
WITH owners AS (
  SELECT i.id AS identity_id, lower(btrim(i.owner_hint->>'email')) AS email, coalesce(i.owner_hint->>'provenance', 'owner hint') AS via
  FROM identities i
  WHERE ${present("i")} AND nullif(btrim(i.owner_hint->>'email'), '') IS NOT NULL
  UNION
  SELECT i.id, lower(p.email), 'owned_by'
  FROM edges e JOIN identities i ON i.id = e.from_id JOIN people p ON p.id = e.to_id
  WHERE e.type = 'owned_by' AND ${present("e")} AND ${present("i")}
),
standing AS (
  SELECT o.identity_id, o.email,
         string_agg(DISTINCT o.via, ', ' ORDER BY o.via) AS via,
         coalesce(bool_or(p.status = 'active'), false) AS active,
         coalesce(bool_or(p.status = 'left'), false) AS departed
  FROM owners o LEFT JOIN people p ON lower(p.email) = o.email AND ${present("p")}
  GROUP BY o.identity_id, o.email
)
SELECT 'identity' AS subject_type, s.identity_id AS subject_id,
       jsonb_build_object('owners', jsonb_agg(jsonb_build_object(
         'email', s.email, 'status', CASE WHEN s.departed THEN 'left' ELSE 'unknown' END, 'via', s.via) ORDER BY s.email)) AS evidence
FROM standing s
WHERE NOT s.active AND (s.departed OR EXISTS (SELECT 1 FROM people p WHERE ${present("p")}))
GROUP BY s.identity_id`,
};
