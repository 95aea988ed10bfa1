import { SUBJECT_CONDITION_KEY_PATTERN } from "@/lib/domain/trust-conditions";
import { asArray, EVIDENCE_LIST_LIMIT, present } from "@/lib/policy/rules/fragments";
import type { RuleQuery } from "@/lib/policy/rules/types";

/** A condition on the token subject with at least one value other than "" or "*". */
const subjectConstrained = `EXISTS (
  SELECT 1 FROM jsonb_array_elements(${asArray("e.attributes->'conditions'")}) cond
  WHERE lower(coalesce(cond->>'key', '')) ~ '${SUBJECT_CONDITION_KEY_PATTERN}'
    AND EXISTS (SELECT 1 FROM jsonb_array_elements(${asArray("cond->'values'")}) v
                WHERE jsonb_typeof(v) = 'string' AND btrim(v #>> '{}') NOT IN ('', '*')))`;

/**
 * A present role (the `to` end of a present `can_assume` edge) trusting a principal with
 * `attributes.principalType = 'oidc'` whose `attributes.conditions` do not constrain the subject
 * (lib/domain/trust-conditions: key `…:sub`, `….sub` or `subject`, with a non-wildcard value).
 * One finding per role, listing each unconditioned trust.
 */
export const oidcTrustUnconditioned: RuleQuery = {
  id: "oidc-trust-unconditioned",
  subjects: ["identity"],
  sql: `
SELECT 'identity' AS subject_type, r.id AS subject_id,
       jsonb_build_object('count', count(*), 'trusts', to_jsonb((array_agg(jsonb_build_object(
         'edgeId', e.id::text, 'provider', coalesce(e.attributes->>'provider', e.from_external_id),
         'conditionKeys', (SELECT coalesce(jsonb_agg(cond->'key'), '[]'::jsonb) FROM jsonb_array_elements(${asArray("e.attributes->'conditions'")}) cond)
       ) ORDER BY e.id))[1:${EVIDENCE_LIST_LIMIT}])) AS evidence
FROM edges e JOIN identities r ON r.id = e.to_id
WHERE e.type = 'can_assume' AND ${present("e")} AND ${present("r")}
  AND e.attributes->>'principalType' = 'oidc' AND NOT ${subjectConstrained}
GROUP BY r.id`,
};
