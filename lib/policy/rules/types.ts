import type { SubjectType } from "@/lib/policy/catalogue";

/**
 * One rule's condition as SQL. `sql` is a SELECT yielding exactly one row per violating subject:
 * (subject_type text, subject_id uuid, evidence jsonb), with $1 = as-of instant and $2 = the
 * rule's resolved thresholds (see fragments.ts). Evidence holds dates and thresholds, never an
 * age computed from $1, so it only changes when the inventory or the thresholds do (and
 * re-evaluating an unchanged inventory writes nothing).
 */
export type RuleQuery = {
  id: string;
  subjects: readonly SubjectType[];
  sql: string;
};
