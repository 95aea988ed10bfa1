import { toIsoTimestamp, type KeywardRecordInput } from "../../sdk";
import { roleRef } from "../external-types";
import type { RoleItem } from "../schemas";
import { clusterOf } from "./cluster";
import { compact } from "./compact";
import { ruleFactsOf } from "./rule-privileges";

/** Built-in roles carry this label (`kubernetes.io/bootstrapping: rbac-defaults`). */
const BOOTSTRAP_LABEL = "kubernetes.io/bootstrapping";

/**
 * A Role or ClusterRole as a resource graded by what its rules allow, so the inventory can show
 * which roles are dangerous to bind. The grants themselves are the bindings' edges.
 */
export function roleRecords(role: RoleItem): KeywardRecordInput[] {
  const { name, namespace, uid, creationTimestamp, labels } = role.metadata;
  const cluster = clusterOf(role.keyward);
  const facts = ruleFactsOf(role.rules);
  const environment = role.keyward.environment;
  return [
    {
      kind: "resource",
      ...roleRef(cluster, namespace, name),
      name: namespace ? `${namespace}/${name}` : name,
      type: "other",
      ...(environment ? { environment } : {}),
      attributes: compact({
        cluster,
        namespace,
        kind: namespace ? "Role" : "ClusterRole",
        uid,
        createdAt: creationTimestamp ? toIsoTimestamp(creationTimestamp) : undefined,
        builtIn: labels[BOOTSTRAP_LABEL] === "rbac-defaults",
        ruleCount: role.rules.length,
        level: facts.level,
        wildcard: facts.wildcard,
        wildcardVerbs: facts.wildcardVerbs,
        secretsRead: facts.secretsRead,
        escalation: facts.escalation,
        privileged: facts.level === "admin",
      }),
    },
  ];
}
