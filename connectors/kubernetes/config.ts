import { z } from "zod";

/*
 * One source = one cluster, read either with a kubeconfig (pasted text: a secret field, since it
 * usually holds a bearer token) or, when Keyward itself runs in the cluster, with the pod's
 * service-account token (in-cluster). The cluster name is ours, not the API server's: it prefixes
 * every external id and must stay stable between syncs.
 */

/** A name usable as an id prefix: letters, digits, `.`, `_`, `-`. */
export const CLUSTER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/** Items per list request (`limit`); the API server pages the rest with `metadata.continue`. */
export const DEFAULT_PAGE_SIZE = 250;

export const kubernetesConfigSchema = z
  .object({
    /** Stable name of the cluster, e.g. `prod-eu-1`: the scope, and the prefix of every external id. */
    clusterName: z.string().trim().regex(CLUSTER_NAME, "must be letters, digits, '.', '_' or '-'"),
    /** Kubeconfig YAML/JSON text (a secret field: encrypted at rest, write-only). */
    kubeconfig: z.string().min(1).optional(),
    /** Context of the kubeconfig to use; default its `current-context`. */
    context: z.string().trim().min(1).optional(),
    /** Use the pod's mounted service-account token and CA instead of a kubeconfig. */
    inCluster: z.boolean().default(false),
    /** Environment of the whole cluster, e.g. `prod`. */
    environment: z.string().trim().min(1).optional(),
    /** Environment per namespace, overriding `environment`, e.g. `{ "payments-staging": "staging" }`. */
    namespaceEnvironments: z.record(z.string(), z.string().trim().min(1)).default({}),
    pageSize: z.number().int().min(1).max(1000).default(DEFAULT_PAGE_SIZE),
    /** Same meaning as the guarded HTTP client's options: private/loopback API servers, plain http. */
    allowPrivateNetworks: z.boolean().default(false),
    allowInsecureHttp: z.boolean().default(false),
  })
  .refine((config) => config.inCluster !== (config.kubeconfig !== undefined), {
    message: "give a kubeconfig, or set inCluster (not both)",
    path: ["kubeconfig"],
  });
export type KubernetesConfig = z.output<typeof kubernetesConfigSchema>;

/** The environment configured for a namespace of this cluster, if any. */
export function environmentOf(config: KubernetesConfig, namespace: string | undefined): string | undefined {
  return (namespace ? config.namespaceEnvironments[namespace] : undefined) ?? config.environment;
}
