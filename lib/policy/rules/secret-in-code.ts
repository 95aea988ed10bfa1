import { notDead, present } from "@/lib/policy/rules/fragments";
import type { RuleQuery } from "@/lib/policy/rules/types";

const inCommit = `'$[*] ? (exists(@.commit))'`;

/**
 * A credential (not revoked or expired) with at least one location carrying a `commit`: the value
 * is committed to a repository, in the current tree or (`historyOnly`) only in history. The
 * evidence lists those locations (path, line, commit), never the value.
 */
export const secretInCode: RuleQuery = {
  id: "secret-in-code",
  subjects: ["credential"],
  sql: `
SELECT 'credential' AS subject_type, c.id AS subject_id,
       jsonb_build_object('locations', jsonb_path_query_array(c.locations, ${inCommit})) AS evidence
FROM credentials c
WHERE ${present("c")} AND ${notDead("c")} AND jsonb_path_exists(c.locations, ${inCommit})`,
};
