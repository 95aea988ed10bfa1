import { DeployTokens, GroupAccessTokens, Groups, GroupVariables, ProjectAccessTokens, ProjectVariables } from "@gitbeaker/rest";
import { createGuardedHttp, sdkFetch, SdkError, type ConnectorContext } from "../../sdk";
import type { GitlabConfig } from "../config";
import { GitlabApiError, GitlabRateLimitError, messageOf } from "./gitlab-errors";

/*
 * One GitLab session per sync (per connector context): one guarded client and the gitbeaker
 * resources. gitbeaker's own request handler calls global `fetch` and retries 429/502 ten times
 * after a few milliseconds, ignoring `Retry-After`; it is replaced by the requester below (gitbeaker's
 * `requesterFn` option), which sends every request through `sdkFetch` — SSRF guard, pinned sockets,
 * timeouts; the guarded client hands back every status and never retries — and is the ONE layer
 * that retries: 429 and 502/503/504, after `Retry-After` (or `RateLimit-Reset`), a few times, never
 * a wait longer than MAX_RATE_LIMIT_WAIT_S.
 */

/** Times one request may be retried after a rate limit or a gateway error. */
export const MAX_RETRIES = 3;
/** Longest wait taken, in seconds; beyond it the stream fails and is retried next sync. */
export const MAX_RATE_LIMIT_WAIT_S = 15 * 60;
/** Wait when a retryable answer says nothing about when to come back. */
const DEFAULT_WAIT_S = 1;
const RETRYABLE = new Set([429, 502, 503, 504]);

/** What gitbeaker hands a requester: its resource options (url, headers, auth header). */
interface ResourceOptions {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly authHeaders: Record<string, () => Promise<string>>;
}
interface RequestOptions {
  readonly searchParams?: Record<string, unknown>;
  readonly signal?: AbortSignal;
  readonly sudo?: string | number;
}
interface FormattedResponse {
  body: unknown;
  headers: Record<string, string>;
  status: number;
}

const snakeCase = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** gitbeaker passes camelCase query options (`perPage`); GitLab reads snake_case (`per_page`). */
function queryOf(searchParams: Record<string, unknown> | undefined): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams ?? {})) {
    if (value !== undefined && value !== null) query.set(snakeCase(key), String(value));
  }
  return query.toString();
}

/** Seconds to wait before asking again: `Retry-After` (seconds or a date), else `RateLimit-Reset` (epoch seconds). */
export function waitSecondsOf(headers: Headers, nowMs: number): number {
  const retryAfter = headers.get("retry-after");
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, (date - nowMs) / 1000);
  }
  const reset = Number(headers.get("ratelimit-reset"));
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset - nowMs / 1000);
  return DEFAULT_WAIT_S;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

async function bodyOf(response: Response): Promise<unknown> {
  if (response.status === 204) return null;
  const type = (response.headers.get("content-type") ?? "").split(";")[0]?.trim();
  const text = await response.text();
  return type === "application/json" && text !== "" ? (JSON.parse(text) as unknown) : text;
}

/** A gitbeaker `requesterFn` over `fetch`, GET-only (the connector never writes). */
export function guardedRequester(fetch: typeof globalThis.fetch, signal: AbortSignal) {
  return (resource: ResourceOptions) => {
    const get = async (endpoint: string, options: RequestOptions = {}): Promise<FormattedResponse> => {
      const url = new URL(endpoint, resource.url.endsWith("/") ? resource.url : `${resource.url}/`);
      url.search = queryOf(options.searchParams);
      const headers = new Headers(resource.headers);
      for (const [name, value] of Object.entries(resource.authHeaders)) headers.set(name, await value());
      for (let attempt = 0; ; attempt += 1) {
        const response = await fetch(url, { method: "GET", headers, signal: options.signal });
        if (response.ok) {
          return {
            body: await bodyOf(response),
            headers: Object.fromEntries(response.headers.entries()),
            status: response.status,
          };
        }
        const text = await response.text();
        if (!RETRYABLE.has(response.status)) throw new GitlabApiError(response.status, "GET", url.toString(), messageOf(text));
        const waitS = waitSecondsOf(response.headers, Date.now());
        if (attempt >= MAX_RETRIES || waitS > MAX_RATE_LIMIT_WAIT_S) {
          if (response.status === 429) throw new GitlabRateLimitError("GET", url.toString(), response.status);
          throw new GitlabApiError(response.status, "GET", url.toString(), messageOf(text));
        }
        await sleep(waitS * 1000, signal);
      }
    };
    const refuse = (): never => {
      throw new SdkError("read_only", "the GitLab connector only reads");
    };
    return { get, post: refuse, put: refuse, patch: refuse, delete: refuse };
  };
}

export interface GitlabClient {
  readonly groups: InstanceType<typeof Groups<false>>;
  readonly groupVariables: InstanceType<typeof GroupVariables<false>>;
  readonly projectVariables: InstanceType<typeof ProjectVariables<false>>;
  readonly groupAccessTokens: InstanceType<typeof GroupAccessTokens<false>>;
  readonly projectAccessTokens: InstanceType<typeof ProjectAccessTokens<false>>;
  readonly deployTokens: InstanceType<typeof DeployTokens<false>>;
}

const clients = new WeakMap<object, GitlabClient>();

type SessionContext = Pick<ConnectorContext<GitlabConfig>, "config" | "signal">;

/** The context's gitbeaker resources, created on first use. */
export function gitlabClientOf(ctx: SessionContext): GitlabClient {
  const existing = clients.get(ctx);
  if (existing) return existing;
  const http = createGuardedHttp({
    allowPrivateNetworks: ctx.config.allowPrivateNetworks,
    allowInsecureHttp: ctx.config.allowInsecureHttp,
    signal: ctx.signal,
  });
  const requesterFn = guardedRequester(sdkFetch(http), ctx.signal) as never;
  const auth = ctx.config.tokenType === "oauth" ? { oauthToken: ctx.config.token } : { token: ctx.config.token };
  // The guarded client times requests out; gitbeaker's own 300 s query timeout is turned off.
  const options = { host: ctx.config.host, requesterFn, queryTimeout: null, ...auth };
  const client: GitlabClient = {
    groups: new Groups(options),
    groupVariables: new GroupVariables(options),
    projectVariables: new ProjectVariables(options),
    groupAccessTokens: new GroupAccessTokens(options),
    projectAccessTokens: new ProjectAccessTokens(options),
    deployTokens: new DeployTokens(options),
  };
  clients.set(ctx, client);
  return client;
}
