import { environmentOf, type KubernetesConfig } from "../config";

/** An item as listed, plus what the listing knows: the cluster and its namespace's environment. */
export function withLiveContext<T extends { metadata?: { namespace?: string } | undefined }>(
  config: KubernetesConfig,
  item: T,
  extra: Record<string, unknown> = {},
): T & { keyward: Record<string, unknown> } {
  const environment = environmentOf(config, item.metadata?.namespace);
  return { ...item, keyward: { cluster: config.clusterName, ...(environment ? { environment } : {}), ...extra } };
}
