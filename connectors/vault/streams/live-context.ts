import { z } from "zod";
import type { VaultConfig } from "../config";
import { namespacePrefix } from "../external-types";
import type { ItemContext } from "../schemas";

/**
 * The environment of a path `<namespace>/<mount…>`: the configured key that prefixes it, the
 * longest first, so `team-a/secret-dev/` can override `team-a/`.
 */
export function environmentOf(config: VaultConfig, namespace: string, apiPath: string): string | undefined {
  const fullPath = `${namespacePrefix(namespace)}${apiPath}`;
  const keys = Object.keys(config.environments).sort((a, b) => b.length - a.length);
  const key = keys.find((candidate) => fullPath.startsWith(candidate.replace(/^\/+/, "")));
  return key === undefined ? undefined : config.environments[key];
}

/** What a live listing knows about its items: the namespace, the environment of the path, the time. */
export function liveContext(config: VaultConfig, namespace: string, apiPath: string): ItemContext {
  const environment = environmentOf(config, namespace, apiPath);
  return { namespace, observedAt: new Date().toISOString(), ...(environment ? { environment } : {}) };
}

const offsetSchema = z.coerce.number().int().min(0);

/**
 * One page of lookups over a listing the session holds: the cursor is the offset of the next
 * name. Vault's LIST is not paged, but each name costs one lookup call, so pages keep progress
 * and retries small.
 */
export function pageOf<T>(
  names: readonly T[],
  cursor: string | undefined,
  pageSize: number,
): { slice: T[]; nextCursor?: string } {
  const start = cursor === undefined ? 0 : offsetSchema.parse(cursor);
  const end = start + pageSize;
  return { slice: names.slice(start, end), ...(end < names.length ? { nextCursor: String(end) } : {}) };
}

/** Maps `items` with at most `inFlight` calls at a time, keeping their order. */
export async function mapInBatches<T, R>(items: readonly T[], inFlight: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += inFlight) {
    results.push(...(await Promise.all(items.slice(start, start + inFlight).map(map))));
  }
  return results;
}

/** Lookups sent at once: quick enough, and gentle with Vault's request rate limit quotas. */
export const LOOKUPS_IN_FLIGHT = 4;
