import type { AwsConfig } from "../config";
import type { ItemContext } from "../schemas";
import { conventionsOf } from "../transform/conventions";

/*
 * What a live listing knows about its items besides the payload: the account and region it read
 * them from, the account's environment from the config, the source's conventions, and when.
 */

export function liveContext(config: AwsConfig, accountId: string, region?: string): ItemContext {
  const environment = config.environments[accountId];
  return {
    observedAt: new Date().toISOString(),
    accountId,
    ...(region ? { region } : {}),
    ...(environment ? { environment } : {}),
    conventions: conventionsOf(config),
  };
}

/** SDK output as JSON (dates become ISO strings), the shape the CLI prints and the item schemas read. */
export const asJson = <T>(value: T): unknown => JSON.parse(JSON.stringify(value)) as unknown;

/** Maps `items` with at most `inFlight` calls at a time, keeping their order. */
export async function mapInBatches<T, R>(items: readonly T[], inFlight: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += inFlight) {
    results.push(...(await Promise.all(items.slice(start, start + inFlight).map(map))));
  }
  return results;
}

/** Every page of a small IAM listing (a user's tags, a role's policies), following `Marker`. */
export async function allMarkerPages<T>(
  page: (marker: string | undefined) => Promise<{ items: T[] | undefined; IsTruncated?: boolean; Marker?: string }>,
): Promise<T[]> {
  const all: T[] = [];
  let marker: string | undefined;
  do {
    const answer = await page(marker);
    all.push(...(answer.items ?? []));
    marker = answer.IsTruncated ? answer.Marker : undefined;
  } while (marker !== undefined);
  return all;
}
