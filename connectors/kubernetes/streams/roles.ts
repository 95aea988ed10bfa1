import { defineStream } from "../../sdk";
import { kubeSessionOf } from "../client/kube-session";
import { continueOf, parsePhasedCursor, phasedPage, type KubeList } from "../client/paging";
import { kubernetesConfigSchema, type KubernetesConfig } from "../config";
import { CLUSTER_ROLE_TYPE, ROLE_TYPE } from "../external-types";
import { roleItemSchema, type RoleItem } from "../schemas";
import { roleRecords } from "../transform/role-records";
import { withLiveContext } from "./live-context";

const PHASES = ["roles", "clusterroles"] as const;

/** Roles of every namespace, then ClusterRoles (rbac.authorization.k8s.io/v1), each paged by `continue`. */
export const rolesStream = defineStream<KubernetesConfig, RoleItem>({
  name: "roles",
  externalTypes: [ROLE_TYPE, CLUSTER_ROLE_TYPE],
  item: roleItemSchema,
  config: kubernetesConfigSchema,
  async list({ cursor, ctx }) {
    const { rbac } = kubeSessionOf(ctx);
    const { phase, token } = parsePhasedCursor(cursor, PHASES);
    const request = { limit: ctx.config.pageSize, _continue: token };
    const list: KubeList<{ metadata?: { namespace?: string } }> =
      phase === "roles" ? await rbac.listRoleForAllNamespaces(request) : await rbac.listClusterRole(request);
    const items = list.items.map((role) => withLiveContext(ctx.config, role));
    return phasedPage(items, phase, PHASES, continueOf(list));
  },
  transform: (role) => roleRecords(role),
});
