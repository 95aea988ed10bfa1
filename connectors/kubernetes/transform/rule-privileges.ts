import type { PermissionLevel } from "../../sdk";
import type { PolicyRule } from "../schemas";

/*
 * What a role's rules allow, graded to the record vocabulary (read, write, admin):
 * - admin: `*` verbs on `*` resources (cluster-admin's shape), the escalation verbs (bind,
 *   escalate, impersonate), or reading Secrets — whoever reads Secrets reads every token and key
 *   stored in their reach, so can act as those identities;
 * - write: any mutating verb (create, update, patch, delete, deletecollection) or `*` verbs on
 *   named resources;
 * - read: get, list, watch only.
 * Rules restricted by `resourceNames` still count: the grade says what the role can reach.
 */

export interface RuleFacts {
  /** Some rule has `*` verbs on `*` resources. */
  readonly wildcard: boolean;
  /** Some rule has `*` verbs. */
  readonly wildcardVerbs: boolean;
  /** Some rule can get, list or watch Secrets (core API group). */
  readonly secretsRead: boolean;
  /** Some rule has bind, escalate or impersonate. */
  readonly escalation: boolean;
  readonly level: PermissionLevel | undefined;
}

const READ_VERBS = new Set(["get", "list", "watch", "*"]);
const WRITE_VERBS = new Set(["create", "update", "patch", "delete", "deletecollection", "*"]);
const ESCALATION_VERBS = new Set(["bind", "escalate", "impersonate"]);

const hasAny = (values: readonly string[], wanted: ReadonlySet<string>) => values.some((v) => wanted.has(v.toLowerCase()));

function readsSecrets(rule: PolicyRule): boolean {
  const coreGroup = rule.apiGroups.includes("") || rule.apiGroups.includes("*");
  const secrets = rule.resources.includes("secrets") || rule.resources.includes("*");
  return coreGroup && secrets && hasAny(rule.verbs, READ_VERBS);
}

export function ruleFactsOf(rules: readonly PolicyRule[]): RuleFacts {
  const wildcard = rules.some((r) => r.verbs.includes("*") && r.resources.includes("*"));
  const wildcardVerbs = rules.some((r) => r.verbs.includes("*"));
  const secretsRead = rules.some(readsSecrets);
  const escalation = rules.some((r) => hasAny(r.verbs, ESCALATION_VERBS));
  const writes = rules.some((r) => hasAny(r.verbs, WRITE_VERBS));
  const reads = rules.some((r) => r.verbs.length > 0);
  const level: PermissionLevel | undefined =
    wildcard || escalation || secretsRead ? "admin" : writes ? "write" : reads ? "read" : undefined;
  return { wildcard, wildcardVerbs, secretsRead, escalation, level };
}

/**
 * The user-facing default ClusterRoles (kubernetes.io/docs/reference/access-authn-authz/rbac,
 * "User-facing roles"), graded the same way from their documented rules: used when a binding
 * arrives without its role (a bindings-only export). `admin` and `edit` can read Secrets.
 */
export const DEFAULT_CLUSTER_ROLES: Readonly<Record<string, RuleFacts>> = {
  "cluster-admin": { wildcard: true, wildcardVerbs: true, secretsRead: true, escalation: false, level: "admin" },
  admin: { wildcard: false, wildcardVerbs: false, secretsRead: true, escalation: true, level: "admin" },
  edit: { wildcard: false, wildcardVerbs: false, secretsRead: true, escalation: true, level: "admin" },
  view: { wildcard: false, wildcardVerbs: false, secretsRead: false, escalation: false, level: "read" },
};
