import { notDead, present } from "@/lib/policy/rules/fragments";
import type { RuleQuery } from "@/lib/policy/rules/types";

/**
 * A deploy key (not revoked or expired) that can push: GitHub's `read_only: false` as
 * `attributes.readOnly = false`, GitLab's `can_push` as `attributes.canPush = true`, or a present
 * `has_permission` edge of level write/admin. A key whose access is not reported does not fire.
 */
export const writeDeployKey: RuleQuery = {
  id: "write-deploy-key",
  subjects: ["credential"],
  // The grant is probed per deploy key through the edges' from_id index (LATERAL), rather than by
  // hashing every write grant in the inventory.
  sql: `
SELECT 'credential' AS subject_type, c.id AS subject_id,
       jsonb_build_object('readOnly', c.attributes->'readOnly', 'canPush', c.attributes->'canPush', 'writeGrant', g.granted) AS evidence
FROM credentials c
CROSS JOIN LATERAL (
  SELECT EXISTS (SELECT 1 FROM edges e WHERE e.from_id = c.id AND e.type = 'has_permission'
                 AND e.level IN ('write', 'admin') AND ${present("e")}) AS granted
) g
WHERE ${present("c")} AND ${notDead("c")} AND c.type = 'deploy_key'
  AND (c.attributes->>'readOnly' = 'false' OR c.attributes->>'canPush' = 'true' OR g.granted)`,
};
