import { EVIDENCE_LIST_LIMIT, present } from "@/lib/policy/rules/fragments";
import type { RuleQuery } from "@/lib/policy/rules/types";

/**
 * A present role (the `to` end of a present `can_assume` edge) that a principal outside its
 * account can assume: the edge says `attributes.external = true`, or its `attributes.accountId`
 * differs from the role's `attributes.accountId`. Excluded: OIDC principals (the
 * `oidc-trust-unconditioned` rule judges those), the provider's own services
 * (`principalType = 'service'`, e.g. `lambda.amazonaws.com`) and anything marked
 * `attributes.firstParty = true` (e.g. Microsoft first-party applications).
 */
export const externalTrust: RuleQuery = {
  id: "external-trust",
  subjects: ["identity"],
  sql: `
SELECT 'identity' AS subject_type, r.id AS subject_id,
       jsonb_build_object('count', count(*), 'principals', to_jsonb((array_agg(jsonb_build_object(
         'edgeId', e.id::text, 'principal', e.from_external_type || ':' || e.from_external_id,
         'principalType', e.attributes->'principalType', 'accountId', e.attributes->'accountId',
         'external', e.attributes->'external') ORDER BY e.id))[1:${EVIDENCE_LIST_LIMIT}])) AS evidence
FROM edges e JOIN identities r ON r.id = e.to_id
WHERE e.type = 'can_assume' AND ${present("e")} AND ${present("r")}
  AND coalesce(e.attributes->>'principalType', '') NOT IN ('oidc', 'service')
  AND coalesce(e.attributes->>'firstParty', 'false') <> 'true'
  AND (e.attributes->>'external' = 'true'
       OR (e.attributes->>'accountId' IS NOT NULL AND r.attributes->>'accountId' IS NOT NULL
           AND e.attributes->>'accountId' <> r.attributes->>'accountId'))
GROUP BY r.id`,
};
