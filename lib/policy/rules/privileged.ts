import { EVIDENCE_LIST_LIMIT, notDead, present } from "@/lib/policy/rules/fragments";
import type { RuleQuery } from "@/lib/policy/rules/types";

/**
 * Role names (lower-cased, from a `has_permission` edge's `attributes.role`) that grant
 * administration of their scope: Kubernetes, GCP, AWS managed policies, Entra ID and Azure RBAC,
 * databases.
 */
export const PRIVILEGED_ROLES = [
  "admin",
  "owner",
  "cluster-admin",
  "system:masters",
  "roles/owner",
  "roles/editor",
  "roles/iam.securityadmin",
  "roles/iam.serviceaccountadmin",
  "roles/iam.serviceaccountkeyadmin",
  "administratoraccess",
  "arn:aws:iam::aws:policy/administratoraccess",
  "iamfullaccess",
  "arn:aws:iam::aws:policy/iamfullaccess",
  "global administrator",
  "privileged role administrator",
  "user access administrator",
  "superuser",
  "root",
] as const;

/**
 * An identity or credential with a present `has_permission` edge of level `admin`, or with
 * `attributes.wildcard` / `attributes.privileged` true, or whose `attributes.role` is one of
 * PRIVILEGED_ROLES; or an identity flagged `attributes.privileged` / `attributes.superuser`
 * (database superusers), or a credential flagged `attributes.privileged` (e.g. an admin-scoped PAT).
 */
export const privileged: RuleQuery = {
  id: "privileged",
  subjects: ["identity", "credential"],
  sql: `
WITH reasons AS (
  SELECT e.from_id AS node_id, e.id AS ord,
         jsonb_build_object('edgeId', e.id::text, 'to', e.to_external_type || ':' || e.to_external_id,
           'level', e.level, 'role', e.attributes->'role', 'wildcard', e.attributes->'wildcard') AS reason
  FROM edges e
  WHERE e.type = 'has_permission' AND e.from_id IS NOT NULL AND ${present("e")}
    AND (e.level = 'admin' OR e.attributes->>'wildcard' = 'true' OR e.attributes->>'privileged' = 'true'
         OR lower(e.attributes->>'role') = ANY(ARRAY[${PRIVILEGED_ROLES.map((r) => `'${r}'`).join(", ")}]))
  UNION ALL
  SELECT i.id, 0, jsonb_build_object('attribute', a.name)
  FROM identities i CROSS JOIN (VALUES ('privileged'), ('superuser')) a(name)
  WHERE i.attributes->>a.name = 'true' AND ${present("i")}
  UNION ALL
  SELECT c.id, 0, jsonb_build_object('attribute', 'privileged')
  FROM credentials c
  WHERE c.attributes->>'privileged' = 'true' AND ${present("c")} AND ${notDead("c")}
)
SELECT CASE WHEN i.id IS NOT NULL THEN 'identity' ELSE 'credential' END AS subject_type, r.node_id AS subject_id,
       jsonb_build_object('count', count(*),
         'reasons', to_jsonb((array_agg(r.reason ORDER BY r.ord, r.reason::text))[1:${EVIDENCE_LIST_LIMIT}])) AS evidence
FROM reasons r
LEFT JOIN identities i ON i.id = r.node_id AND ${present("i")}
LEFT JOIN credentials c ON c.id = r.node_id AND ${present("c")} AND ${notDead("c")}
WHERE i.id IS NOT NULL OR c.id IS NOT NULL
GROUP BY r.node_id, i.id`,
};
