import type { ConnectorContext } from "../../sdk";
import { kubeSessionOf } from "../client/kube-session";
import { listAll } from "../client/paging";
import type { KubernetesConfig } from "../config";
import { roleKey } from "../transform/role-key";

/*
 * What grading a binding needs besides the binding: the rules of every Role and ClusterRole, and
 * the cluster's service accounts (to expand `system:serviceaccounts[:<ns>]` groups). Read once
 * per sync, on the first bindings page. A failure fails the bindings stream (a gap), rather than
 * loading grants without their level.
 */

export interface RbacIndex {
  /** Rules by `Role/<ns>/<name>` or `ClusterRole/<name>`. */
  readonly rules: ReadonlyMap<string, readonly unknown[]>;
  /** `namespace/name` of every service account. */
  readonly serviceAccounts: readonly string[];
}

type Named = { metadata?: { name?: string; namespace?: string } | undefined; rules?: unknown[] | undefined };

const indexes = new WeakMap<object, Promise<RbacIndex>>();

async function loadIndex(ctx: Pick<ConnectorContext<KubernetesConfig>, "config" | "signal">): Promise<RbacIndex> {
  const { core, rbac } = kubeSessionOf(ctx);
  const limit = ctx.config.pageSize;
  const [roles, clusterRoles, accounts] = await Promise.all([
    listAll<Named>((token) => rbac.listRoleForAllNamespaces({ limit, _continue: token })),
    listAll<Named>((token) => rbac.listClusterRole({ limit, _continue: token })),
    listAll<Named>((token) => core.listServiceAccountForAllNamespaces({ limit, _continue: token })),
  ]);
  const rules = new Map<string, readonly unknown[]>();
  for (const role of roles) rules.set(roleKey("Role", role.metadata?.namespace, role.metadata?.name ?? ""), role.rules ?? []);
  for (const role of clusterRoles) rules.set(roleKey("ClusterRole", undefined, role.metadata?.name ?? ""), role.rules ?? []);
  const serviceAccounts = accounts.map((account) => `${account.metadata?.namespace ?? ""}/${account.metadata?.name ?? ""}`);
  return { rules, serviceAccounts };
}

/** The context's index, loaded on first use. */
export function rbacIndexOf(ctx: Pick<ConnectorContext<KubernetesConfig>, "config" | "signal">): Promise<RbacIndex> {
  let index = indexes.get(ctx);
  if (!index) {
    index = loadIndex(ctx);
    indexes.set(ctx, index);
    // A failed load is not cached: a retried page tries again.
    index.catch(() => indexes.delete(ctx));
  }
  return index;
}
