import { present } from "@/lib/policy/rules/fragments";
import type { RuleQuery } from "@/lib/policy/rules/types";

/**
 * An identity its source classifies as used by a person (`is_human`) or interactively
 * (`interactive`: a console password, an interactive sign-in). Null means "cannot tell" and
 * does not fire.
 */
export const humanUse: RuleQuery = {
  id: "human-use",
  subjects: ["identity"],
  sql: `
SELECT 'identity' AS subject_type, i.id AS subject_id,
       jsonb_build_object('isHuman', i.is_human, 'interactive', i.interactive) AS evidence
FROM identities i
WHERE ${present("i")} AND (i.is_human IS TRUE OR i.interactive IS TRUE)`,
};
