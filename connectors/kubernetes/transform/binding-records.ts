import { toIsoTimestamp, type KeywardRecordInput } from "../../sdk";
import { bindingRef, roleRef, serviceAccountRef } from "../external-types";
import type { BindingItem } from "../schemas";
import { grantedAccountsOf, isServiceAccountGroup } from "./binding-subjects";
import { clusterOf } from "./cluster";
import { compact } from "./compact";
import { DEFAULT_CLUSTER_ROLES, ruleFactsOf, type RuleFacts } from "./rule-privileges";

/** The bound role's grade: from its rules when the item carries them, else from the default roles. */
function roleFactsOf(binding: BindingItem): RuleFacts | undefined {
  if (binding.keyward.roleRules) return ruleFactsOf(binding.keyward.roleRules);
  return binding.roleRef.kind === "ClusterRole" ? DEFAULT_CLUSTER_ROLES[binding.roleRef.name] : undefined;
}

/**
 * A RoleBinding or ClusterRoleBinding as a resource, plus one `has_permission` edge from each
 * service account it grants to (directly or through a group) to the binding, carrying the
 * privilege level and why: cluster-admin, wildcard verbs, Secrets read, escalation verbs, and
 * whether the grant crosses namespaces (a RoleBinding in one namespace naming an account of
 * another) or covers the whole cluster. Humans (users, other groups) are listed on the binding
 * only: this inventory is about non-human identities.
 */
export function bindingRecords(binding: BindingItem): KeywardRecordInput[] {
  const { name, namespace, uid, creationTimestamp } = binding.metadata;
  const cluster = clusterOf(binding.keyward);
  const ref = bindingRef(cluster, namespace, name);
  const role = binding.roleRef;
  // A RoleBinding may bind a ClusterRole: it then grants the ClusterRole's rules in its namespace only.
  const boundRole = roleRef(cluster, role.kind === "Role" ? namespace : undefined, role.name);
  const facts = roleFactsOf(binding);
  const clusterAdmin = role.kind === "ClusterRole" && role.name === "cluster-admin";
  const level = clusterAdmin ? "admin" : facts?.level;
  const environment = binding.keyward.environment;
  const resource: KeywardRecordInput = {
    kind: "resource",
    ...ref,
    name: namespace ? `${namespace}/${name}` : name,
    type: "other",
    ...(environment ? { environment } : {}),
    attributes: compact({
      cluster,
      namespace,
      kind: namespace ? "RoleBinding" : "ClusterRoleBinding",
      uid,
      createdAt: creationTimestamp ? toIsoTimestamp(creationTimestamp) : undefined,
      roleKind: role.kind,
      role: role.name,
      roleRef: boundRole.externalId,
      subjects: binding.subjects.map((s) => `${s.kind}:${s.namespace ? `${s.namespace}/` : ""}${s.name}`),
      serviceAccountGroups: binding.subjects
        .filter((s) => s.kind === "Group" && isServiceAccountGroup(s.name))
        .map((s) => s.name),
      level,
      roleRulesKnown: facts !== undefined,
    }),
  };
  const edges = grantedAccountsOf(binding).map((account): KeywardRecordInput => ({
    kind: "edge",
    type: "has_permission",
    from: serviceAccountRef(cluster, account.namespace, account.name),
    to: { externalType: ref.externalType, externalId: ref.externalId },
    ...(level ? { level } : {}),
    attributes: compact({
      role: role.name,
      roleKind: role.kind,
      binding: name,
      bindingKind: namespace ? "RoleBinding" : "ClusterRoleBinding",
      grantedIn: namespace ?? "*",
      clusterWide: namespace === undefined,
      crossNamespace: namespace !== undefined && account.namespace !== namespace,
      viaGroup: account.viaGroup,
      clusterAdmin,
      wildcard: clusterAdmin || facts?.wildcard,
      wildcardVerbs: facts?.wildcardVerbs,
      secretsRead: facts?.secretsRead,
      escalation: facts?.escalation,
      privileged: level === "admin",
    }),
  }));
  return [resource, ...edges];
}
