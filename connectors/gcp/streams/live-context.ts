import type { GcpConfig } from "../config";
import type { ItemContext } from "../schemas";

/** What a live listing knows about its items: the project (scope) read, its environment, the time. */
export function liveContext(config: GcpConfig, projectId: string): ItemContext {
  const environment = config.environments[projectId];
  return { projectId, observedAt: new Date().toISOString(), ...(environment ? { environment } : {}) };
}
