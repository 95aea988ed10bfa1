import type { ItemContext } from "../schemas";

/**
 * Cluster name used when neither the listing nor the import path named one (an offline file
 * outside a `clusters/<name>/` folder). Documented in docs/connectors/kubernetes.md.
 */
export const UNNAMED_CLUSTER = "default";

export const clusterOf = (context: Pick<ItemContext, "cluster">): string => context.cluster ?? UNNAMED_CLUSTER;
