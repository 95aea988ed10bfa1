import { defineStream } from "../../sdk";
import { kubeSessionOf } from "../client/kube-session";
import { continueOf } from "../client/paging";
import { kubernetesConfigSchema, type KubernetesConfig } from "../config";
import { SECRET_TYPE } from "../external-types";
import { secretItemSchema, type SecretItem } from "../schemas";
import { secretRecords } from "../transform/secret-records";
import { withLiveContext } from "./live-context";

/**
 * Secrets of every namespace (GET /api/v1/secrets, paged by `continue`). The API returns their
 * values, which only ever reach `fingerprint` in the transform.
 */
export const secretsStream = defineStream<KubernetesConfig, SecretItem>({
  name: "secrets",
  externalTypes: [SECRET_TYPE],
  item: secretItemSchema,
  config: kubernetesConfigSchema,
  async list({ cursor, ctx }) {
    const { core } = kubeSessionOf(ctx);
    const list = await core.listSecretForAllNamespaces({ limit: ctx.config.pageSize, _continue: cursor });
    const next = continueOf(list);
    return { items: list.items.map((secret) => withLiveContext(ctx.config, secret)), ...(next ? { nextCursor: next } : {}) };
  },
  transform: (secret, { fingerprint }) => secretRecords(secret, fingerprint),
});
