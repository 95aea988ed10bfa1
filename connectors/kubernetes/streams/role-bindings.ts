import { defineStream } from "../../sdk";
import { kubeSessionOf } from "../client/kube-session";
import { continueOf, parsePhasedCursor, phasedPage, type KubeList } from "../client/paging";
import { kubernetesConfigSchema, type KubernetesConfig } from "../config";
import { CLUSTER_ROLE_BINDING_TYPE, ROLE_BINDING_TYPE } from "../external-types";
import { bindingItemSchema, type BindingItem } from "../schemas";
import { isServiceAccountGroup } from "../transform/binding-subjects";
import { bindingRecords } from "../transform/binding-records";
import { roleKey } from "../transform/role-key";
import { withLiveContext } from "./live-context";
import { rbacIndexOf, type RbacIndex } from "./rbac-index";

const PHASES = ["rolebindings", "clusterrolebindings"] as const;

type LiveBinding = {
  metadata?: { name?: string; namespace?: string } | undefined;
  roleRef?: { kind?: string; name?: string } | undefined;
  subjects?: { kind?: string; name?: string }[] | undefined;
};

/** What the transform needs to grade a binding: its role's rules, and the accounts its groups hold. */
function enrichment(binding: LiveBinding, index: RbacIndex): Record<string, unknown> {
  const kind = binding.roleRef?.kind === "Role" ? "Role" : "ClusterRole";
  const rules = index.rules.get(roleKey(kind, binding.metadata?.namespace, binding.roleRef?.name ?? ""));
  const hasAccountGroup = (binding.subjects ?? []).some((s) => s.kind === "Group" && isServiceAccountGroup(s.name ?? ""));
  return { ...(rules ? { roleRules: rules } : {}), ...(hasAccountGroup ? { serviceAccounts: index.serviceAccounts } : {}) };
}

/**
 * RoleBindings of every namespace, then ClusterRoleBindings, each paged by `continue`, graded
 * with the rules of the role they bind (a binding to a role that does not exist grants nothing
 * yet, and is kept without a level).
 */
export const roleBindingsStream = defineStream<KubernetesConfig, BindingItem>({
  name: "role-bindings",
  externalTypes: [ROLE_BINDING_TYPE, CLUSTER_ROLE_BINDING_TYPE],
  item: bindingItemSchema,
  config: kubernetesConfigSchema,
  async list({ cursor, ctx }) {
    const { rbac } = kubeSessionOf(ctx);
    const { phase, token } = parsePhasedCursor(cursor, PHASES);
    const index = await rbacIndexOf(ctx);
    const request = { limit: ctx.config.pageSize, _continue: token };
    const list: KubeList<LiveBinding> =
      phase === "rolebindings" ? await rbac.listRoleBindingForAllNamespaces(request) : await rbac.listClusterRoleBinding(request);
    const items = list.items.map((binding) => withLiveContext(ctx.config, binding, enrichment(binding, index)));
    return phasedPage(items, phase, PHASES, continueOf(list));
  },
  transform: (binding) => bindingRecords(binding),
});
