import type { StreamPage } from "../../sdk";
import type { GithubConfig } from "../config";
import { callGitHub } from "./github-errors";
import type { GitHubClient } from "./github-session";
import { assertUnderBaseUrl, nextLinkOf } from "./pagination";

/**
 * One page of a list endpoint: the first from `route` and `params` (with `per_page`), the next
 * ones from the `Link` header's URL (the cursor). `pick` takes the list out of the body (a bare
 * array, or `{ total_count, secrets: […] }`).
 */
export async function listPage(
  client: GitHubClient,
  config: Pick<GithubConfig, "baseUrl" | "perPage">,
  request: { route: string; params: Record<string, string | number> },
  cursor: string | undefined,
  pick: (data: unknown) => unknown[],
  withContext: (item: Record<string, unknown>) => Record<string, unknown>,
): Promise<StreamPage> {
  const response = await callGitHub(() =>
    cursor === undefined
      ? client.request(request.route, { ...request.params, per_page: config.perPage })
      : client.request({ method: "GET", url: assertUnderBaseUrl(cursor, config.baseUrl) }),
  );
  const items = pick(response.data).map((item) => withContext(item as Record<string, unknown>));
  const next = nextLinkOf(response.headers.link);
  return { items, ...(next ? { nextCursor: next } : {}) };
}

/** For endpoints answering `{ total_count, <field>: […] }`. */
export const field =
  (name: string) =>
  (data: unknown): unknown[] => {
    const list = (data as Record<string, unknown> | null)?.[name];
    return Array.isArray(list) ? list : [];
  };

/** For endpoints answering a bare array. */
export const array = (data: unknown): unknown[] => (Array.isArray(data) ? data : []);
