import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import {
  BlockedAddressError,
  createGuardedHttp,
  sdkFetch,
  SdkError,
  type ConnectorContext,
  type ConnectorLogger,
} from "../../sdk";
import type { GithubConfig } from "../config";
import { signAppJwt } from "./app-token";
import { callGitHub } from "./github-errors";

/*
 * One GitHub session per sync (per connector context): one guarded client and one Octokit. Every
 * request goes through `sdkFetch`, so the SSRF guard and timeouts apply, and the guarded client
 * never retries (sdkFetch hands every status back): waiting out rate limits is the throttling
 * plugin's job (it reads `retry-after` and `x-ratelimit-reset`), retrying 5xx the retry plugin's.
 * 429 is left to the throttling plugin alone, so the two never retry the same answer.
 */

/** The REST API version the schemas were written against. */
export const GITHUB_API_VERSION = "2022-11-28";
/** Times one request may be retried after a rate limit. */
export const RATE_LIMIT_RETRIES = 3;
/** Longest rate-limit wait taken, in seconds; beyond it the stream fails and is retried next sync. */
export const MAX_RATE_LIMIT_WAIT_S = 15 * 60;
/** Installation tokens live one hour; a new one is minted when less than this remains. */
const TOKEN_REFRESH_MARGIN_MS = 5 * 60_000;
/** The retry plugin's defaults, plus 429 (the throttling plugin's). */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

/** Rethrows what retrying cannot fix (an address the guard refuses) before the retry plugin sees it. */
function permanentFailures(octokit: Pick<Octokit, "hook">): void {
  octokit.hook.error("request", (error) => {
    const cause = (error as { cause?: unknown }).cause;
    throw cause instanceof BlockedAddressError ? cause : error;
  });
}

/** Octokit has no default-headers option: the API version is pinned on every request here. */
function pinApiVersion(octokit: Pick<Octokit, "hook">): void {
  octokit.hook.before("request", (options) => {
    options.headers["x-github-api-version"] = GITHUB_API_VERSION;
  });
}

const GitHubClient = Octokit.plugin(pinApiVersion, throttling, permanentFailures, retry);
export type GitHubClient = InstanceType<typeof GitHubClient>;

const wantRetry = (retryAfterS: number, retryCount: number) =>
  retryCount < RATE_LIMIT_RETRIES && retryAfterS <= MAX_RATE_LIMIT_WAIT_S;

function createClient(
  config: GithubConfig,
  fetch: typeof globalThis.fetch,
  signal: AbortSignal,
  log: ConnectorLogger,
  auth: string,
): GitHubClient {
  return new GitHubClient({
    auth,
    baseUrl: config.baseUrl,
    userAgent: "keyward-connector",
    request: { fetch, signal },
    log: {
      debug: (m: string) => log.debug(m),
      info: (m: string) => log.info(m),
      warn: (m: string) => log.warn(m),
      error: (m: string) => log.error(m),
    },
    throttle: {
      onRateLimit: (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) =>
        wantRetry(retryAfter, retryCount),
      onSecondaryRateLimit: (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) =>
        wantRetry(retryAfter, retryCount),
    },
    retry: { doNotRetry: DO_NOT_RETRY },
  });
}

interface Session {
  client?: GitHubClient;
  expiresAtMs?: number;
  readonly fetch: typeof globalThis.fetch;
}

const sessions = new WeakMap<object, Session>();

type SessionContext = Pick<ConnectorContext<GithubConfig>, "config" | "signal" | "log">;

/** Mints an installation token with the App's JWT. */
async function installationClient(ctx: SessionContext, session: Session): Promise<{ client: GitHubClient; expiresAtMs: number }> {
  const { appId, appInstallationId, appPrivateKey } = ctx.config;
  if (appId === undefined || appInstallationId === undefined || !appPrivateKey)
    throw new SdkError("missing_credentials", "no GitHub credentials");
  const asApp = createClient(ctx.config, session.fetch, ctx.signal, ctx.log, signAppJwt(appId, appPrivateKey, Date.now()));
  const { data } = await callGitHub(() =>
    asApp.request("POST /app/installations/{installation_id}/access_tokens", { installation_id: appInstallationId }),
  );
  const client = createClient(ctx.config, session.fetch, ctx.signal, ctx.log, data.token);
  return { client, expiresAtMs: Date.parse(data.expires_at) };
}

/** The context's Octokit, created on first use (and re-authenticated before an installation token expires). */
export async function githubClientOf(ctx: SessionContext): Promise<GitHubClient> {
  let session = sessions.get(ctx);
  if (!session) {
    const http = createGuardedHttp({
      allowPrivateNetworks: ctx.config.allowPrivateNetworks,
      allowInsecureHttp: ctx.config.allowInsecureHttp,
      signal: ctx.signal,
    });
    session = { fetch: sdkFetch(http) };
    sessions.set(ctx, session);
  }
  if (ctx.config.token) {
    session.client ??= createClient(ctx.config, session.fetch, ctx.signal, ctx.log, ctx.config.token);
    return session.client;
  }
  if (!session.client || (session.expiresAtMs ?? 0) - TOKEN_REFRESH_MARGIN_MS <= Date.now()) {
    const { client, expiresAtMs } = await installationClient(ctx, session);
    session.client = client;
    session.expiresAtMs = expiresAtMs;
  }
  return session.client;
}
