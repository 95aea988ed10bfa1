import { z } from "zod";
import { SdkError } from "../../sdk";
import type { AzureConfig } from "../config";
import type { ItemContext } from "../schemas";

/** What a live listing knows about its items: the source's tenant, its environment, the time. */
export function liveContext(config: AzureConfig): ItemContext {
  return {
    tenantId: config.tenantId,
    observedAt: new Date().toISOString(),
    ...(config.environments[config.tenantId] ? { environment: config.environments[config.tenantId] } : {}),
  };
}

const objectIdSchema = z.object({ id: z.guid() });

/** The object id of a raw Graph object, needed to list what hangs under it. */
export function objectIdOf(raw: unknown): string {
  const parsed = objectIdSchema.safeParse(raw);
  if (!parsed.success) throw new SdkError("invalid_response", "Graph listed an object without a GUID id");
  return parsed.data.id;
}

/** Maps `items` with at most `inFlight` calls at a time, keeping their order. */
export async function mapInBatches<T, R>(items: readonly T[], inFlight: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += inFlight) {
    results.push(...(await Promise.all(items.slice(start, start + inFlight).map(map))));
  }
  return results;
}
