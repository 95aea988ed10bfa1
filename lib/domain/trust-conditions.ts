/**
 * Reading the trust conditions connectors put on `can_assume` edges (docs/policies.md, "Edge
 * attributes"): `conditions: [{ key, values }]`. A role that trusts an OIDC provider is safe only
 * when the token's subject is constrained (OWASP NHI6); otherwise any repository or workload the
 * provider issues tokens for can assume it.
 */
export type TrustCondition = { key?: unknown; values?: unknown };

/**
 * Lower-cased condition keys that constrain the subject: AWS `token.actions.githubusercontent.com:sub`,
 * GCP `assertion.sub` / `google.subject`, Azure federated credentials' `subject`.
 */
export const SUBJECT_CONDITION_KEY_PATTERN = "(^|[:.])(sub|subject)$";

const subjectKey = new RegExp(SUBJECT_CONDITION_KEY_PATTERN);

/** A value that matches every subject is no constraint at all. */
export function isConstrainingValue(value: unknown): boolean {
  return typeof value === "string" && value.trim() !== "" && value.trim() !== "*";
}

export function constrainsSubject(conditions: unknown): boolean {
  if (!Array.isArray(conditions)) return false;
  return conditions.some((condition: TrustCondition) => {
    if (typeof condition?.key !== "string" || !subjectKey.test(condition.key.toLowerCase())) return false;
    return Array.isArray(condition.values) && condition.values.some(isConstrainingValue);
  });
}
