import { z } from "zod";
import { defineFormat, FormatError, parseFileWith, type FormatBatch, type InspectedFile } from "../../sdk";
import { CLUSTER_NAME } from "../config";
import { bindingItemSchema, roleItemSchema, secretItemSchema, serviceAccountItemSchema } from "../schemas";
import { isServiceAccountGroup } from "../transform/binding-subjects";
import { roleKey } from "../transform/role-key";

/*
 * `kubectl get serviceaccounts,secrets,roles,clusterroles,rolebindings,clusterrolebindings -A -o json`
 * prints one `{ "apiVersion": "v1", "kind": "List", "items": [...] }` whose items name their
 * own `kind`; one resource at a time (or the API response saved with curl) gives a typed list,
 * `{ "kind": "SecretList", "items": [...] }`, whose items may omit it. Recognised by that shape:
 * a List whose items are all of the six kinds read here.
 *
 * A List does not name its cluster: the path supplies it (`clusters/<name>/…`), else the
 * documented default. Bindings are graded with the roles of the same file, and their
 * `system:serviceaccounts` groups expanded with its service accounts — which the one-command
 * export above provides; a bindings-only file is graded by the default ClusterRoles only.
 */

const STREAM_OF_KIND = {
  ServiceAccount: "service-accounts",
  Secret: "secrets",
  Role: "roles",
  ClusterRole: "roles",
  RoleBinding: "role-bindings",
  ClusterRoleBinding: "role-bindings",
} as const;
type Kind = keyof typeof STREAM_OF_KIND;
const isKind = (kind: unknown): kind is Kind => typeof kind === "string" && Object.hasOwn(STREAM_OF_KIND, kind);

const SCHEMA_OF_STREAM = {
  "service-accounts": serviceAccountItemSchema,
  secrets: secretItemSchema,
  roles: roleItemSchema,
  "role-bindings": bindingItemSchema,
} as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The kind every item of the list has: its own `kind`, else the typed list's. */
function itemKindsOf(json: unknown): Kind[] | undefined {
  if (!isObject(json) || typeof json.kind !== "string" || !json.kind.endsWith("List") || !Array.isArray(json.items))
    return undefined;
  const listKind = json.kind === "List" ? undefined : json.kind.slice(0, -"List".length);
  if (listKind !== undefined && !isKind(listKind)) return undefined;
  if (listKind === undefined && json.items.length === 0) return undefined;
  const kinds = json.items.map((item) => (isObject(item) ? (item.kind ?? listKind) : undefined));
  return kinds.every(isKind) ? kinds : undefined;
}

/** `clusters/<name>/…` in the import path names the cluster. */
export function clusterOfPath(path: string): string | undefined {
  const segments = path.split("/");
  const index = segments.findIndex((segment, i) => segment === "clusters" && i < segments.length - 2);
  const name = index === -1 ? undefined : segments[index + 1];
  return name && CLUSTER_NAME.test(name) ? name : undefined;
}

type RawItem = Record<string, unknown> & { metadata?: { name?: string; namespace?: string } };

function bindingContext(binding: RawItem, roles: ReadonlyMap<string, unknown>, accounts: readonly string[] | undefined) {
  const roleRef = isObject(binding.roleRef) ? binding.roleRef : {};
  const kind = roleRef.kind === "Role" ? "Role" : "ClusterRole";
  const rules = roles.get(roleKey(kind, binding.metadata?.namespace, String(roleRef.name ?? "")));
  const subjects = Array.isArray(binding.subjects) ? binding.subjects : [];
  const hasAccountGroup = subjects.some((s) => isObject(s) && s.kind === "Group" && isServiceAccountGroup(String(s.name ?? "")));
  return { ...(rules ? { roleRules: rules } : {}), ...(hasAccountGroup && accounts ? { serviceAccounts: accounts } : {}) };
}

function parseList(file: InspectedFile): FormatBatch[] {
  const kinds = itemKindsOf(file.json);
  if (!kinds) throw new FormatError("parse_failed", { file: file.path, reason: "not a List of Kubernetes RBAC objects" });
  const items = (file.json as { items: RawItem[] }).items;
  const cluster = clusterOfPath(file.path);
  const context = cluster ? { cluster } : {};
  const roles = new Map<string, unknown>();
  const accounts: string[] = [];
  items.forEach((item, i) => {
    const kind = kinds[i]!;
    const meta = item.metadata ?? {};
    if (kind === "Role" || kind === "ClusterRole")
      roles.set(roleKey(kind, meta.namespace, String(meta.name ?? "")), item.rules ?? []);
    if (kind === "ServiceAccount") accounts.push(`${meta.namespace ?? ""}/${meta.name ?? ""}`);
  });
  const byStream = new Map<string, unknown[]>();
  items.forEach((item, i) => {
    const stream = STREAM_OF_KIND[kinds[i]!];
    const extra =
      stream === "role-bindings" ? bindingContext(item, roles, kinds.includes("ServiceAccount") ? accounts : undefined) : {};
    byStream.set(stream, [...(byStream.get(stream) ?? []), { ...item, keyward: { ...context, ...extra } }]);
  });
  return [...byStream].map(([stream, streamItems]) => {
    parseFileWith(file, z.array(SCHEMA_OF_STREAM[stream as keyof typeof SCHEMA_OF_STREAM]), streamItems);
    return { stream, items: streamItems };
  });
}

export const kubectlListFormat = defineFormat({
  id: "kubernetes.kubectl-list",
  description:
    "kubectl get serviceaccounts,secrets,roles,clusterroles,rolebindings,clusterrolebindings -A -o json (a mixed List, or one <Kind>List per file)",
  detect: (file) => itemKindsOf(file.json) !== undefined,
  parse: parseList,
});
