import { AS_OF, EVIDENCE_LIST_LIMIT, iso, live, present } from "@/lib/policy/rules/fragments";
import type { RuleQuery } from "@/lib/policy/rules/types";

/**
 * An identity whose declared end date is before as-of (at exactly the end date it has not passed
 * yet) with at least one present, active credential.
 */
export const outlivedPurpose: RuleQuery = {
  id: "outlived-purpose",
  subjects: ["identity"],
  sql: `
SELECT 'identity' AS subject_type, i.id AS subject_id,
       jsonb_build_object('endDate', ${iso("i.end_date")}, 'purpose', i.purpose, 'activeCredentials', a.n, 'credentialIds', a.ids) AS evidence
FROM identities i
CROSS JOIN LATERAL (
  SELECT count(*) AS n, to_jsonb((array_agg(c.id::text ORDER BY c.id))[1:${EVIDENCE_LIST_LIMIT}]) AS ids
  FROM credentials c WHERE c.identity_id = i.id AND ${present("c")} AND ${live("c")}
) a
WHERE ${present("i")} AND i.end_date < ${AS_OF} AND a.n > 0`,
};
