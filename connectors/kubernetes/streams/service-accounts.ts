import { defineStream } from "../../sdk";
import { kubeSessionOf } from "../client/kube-session";
import { continueOf } from "../client/paging";
import { kubernetesConfigSchema, type KubernetesConfig } from "../config";
import { CLUSTER_TYPE, NAMESPACE_TYPE, SERVICE_ACCOUNT_TYPE } from "../external-types";
import { serviceAccountItemSchema, type ServiceAccountItem } from "../schemas";
import { serviceAccountRecords } from "../transform/service-account-records";
import { withLiveContext } from "./live-context";

/** Service accounts of every namespace (GET /api/v1/serviceaccounts, paged by `continue`). */
export const serviceAccountsStream = defineStream<KubernetesConfig, ServiceAccountItem>({
  name: "service-accounts",
  externalTypes: [SERVICE_ACCOUNT_TYPE, NAMESPACE_TYPE, CLUSTER_TYPE],
  item: serviceAccountItemSchema,
  config: kubernetesConfigSchema,
  async list({ cursor, ctx }) {
    const { core } = kubeSessionOf(ctx);
    const list = await core.listServiceAccountForAllNamespaces({ limit: ctx.config.pageSize, _continue: cursor });
    const next = continueOf(list);
    return { items: list.items.map((account) => withLiveContext(ctx.config, account)), ...(next ? { nextCursor: next } : {}) };
  },
  transform: (account) => serviceAccountRecords(account),
});
