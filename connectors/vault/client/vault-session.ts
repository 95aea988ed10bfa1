import { createGuardedHttp, ResponseError, SdkError, type ConnectorContext, type GuardedHttp } from "../../sdk";
import type { VaultConfig } from "../config";
import { dataResponseSchema, listResponseSchema, vaultErrorSchema } from "../schemas";
import { VaultRequestError } from "./vault-errors";

/*
 * Vault has no official Node SDK: this is its HTTP API through Keyward's guarded client (SSRF
 * checks, timeouts, retries with `Retry-After`). One session per sync (per connector context):
 * one client, one token — an AppRole login happens once — and the answers of LIST calls that
 * several pages of one listing share. Keyed weakly by the context, so it goes with the run.
 */

/** Statuses whose body is read for Vault's error message before failing; others fail in the client. */
const EXPLAINED_STATUSES: ReadonlySet<number> = new Set([400, 401, 403, 404, 405, 500, 503]);

export interface VaultSession {
  /**
   * A LIST call (sent as `GET …?list=true`, which proxies pass more readily than the LIST verb).
   * Vault answers 404 for a path with nothing under it: that is an empty list.
   */
  list(namespace: string, path: string): Promise<string[]>;
  /** The same LIST, answered once per session: later pages of one listing reuse it. */
  listOnce(namespace: string, path: string): Promise<string[]>;
  /** A GET whose `data` is returned. */
  read(namespace: string, path: string): Promise<Record<string, unknown>>;
  /** The same GET, undefined when Vault answers 404 (deleted since it was listed). */
  readIfPresent(namespace: string, path: string): Promise<Record<string, unknown> | undefined>;
  /**
   * A POST of a lookup (`lookup-accessor`, `secret-id-accessor/lookup`) whose `data` is returned;
   * undefined when Vault says the object is gone (it was revoked between list and lookup).
   */
  lookup(namespace: string, path: string, body: Record<string, string>): Promise<Record<string, unknown> | undefined>;
}

const sessions = new WeakMap<object, VaultSession>();

/** Vault's answer to a lookup of an accessor that no longer exists (400 or 404, by version). */
const GONE_MESSAGE = /invalid accessor|failed to find accessor|not found/i;

function guardedHttpFor(config: VaultConfig, signal: AbortSignal): GuardedHttp {
  return createGuardedHttp({
    allowPrivateNetworks: config.allowPrivateNetworks,
    allowInsecureHttp: config.allowInsecureHttp,
    ...(config.caCertificate ? { ca: config.caCertificate } : {}),
    // Vault refuses requests without it when a proxy could have forged them (CLI and UI send it too).
    headers: { "x-vault-request": "true" },
    signal,
  });
}

interface Answer {
  readonly status: number;
  readonly data: unknown;
}

function createSession(config: VaultConfig, signal: AbortSignal): VaultSession {
  const http = guardedHttpFor(config, signal);
  const base = `${config.address.replace(/\/+$/, "")}/v1/`;
  const listings = new Map<string, Promise<string[]>>();
  let token: Promise<string> | undefined;

  const urlOf = (path: string, query = "") => `${base}${path.replace(/^\/+/, "")}${query}`;
  const namespaceHeader = (namespace: string): Record<string, string> => (namespace ? { "x-vault-namespace": namespace } : {});

  /** Sends one request; non-success answers become `VaultRequestError` unless `accept` says otherwise. */
  async function send(method: string, url: string, headers: Record<string, string>, body?: unknown): Promise<Answer> {
    let errorStatus: number | undefined;
    const response = await http
      .json(url, {
        method,
        headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        acceptStatus: (status) => EXPLAINED_STATUSES.has(status) && (errorStatus = status) !== undefined,
      })
      .catch((error: unknown) => {
        // An error answer whose body is not JSON (a proxy's page) keeps its status.
        throw errorStatus !== undefined && error instanceof ResponseError
          ? new VaultRequestError(errorStatus, method, url, undefined)
          : error;
      });
    return { status: response.status, data: response.data };
  }

  const errorOf = (answer: Answer, method: string, url: string) =>
    new VaultRequestError(answer.status, method, url, vaultErrorSchema.safeParse(answer.data).data?.errors[0]);

  async function login(): Promise<string> {
    if (config.token) return config.token;
    const url = urlOf(`auth/${config.approleLoginMount.replace(/^\/+|\/+$/g, "")}/login`);
    const answer = await send("POST", url, namespaceHeader(config.loginNamespace ?? ""), {
      role_id: config.roleId,
      secret_id: config.secretId,
    });
    if (answer.status >= 400) throw errorOf(answer, "POST", url);
    const clientToken = (answer.data as { auth?: { client_token?: unknown } } | null)?.auth?.client_token;
    if (typeof clientToken !== "string" || clientToken === "")
      throw new SdkError("no_token", "the AppRole login returned no client token");
    return clientToken;
  }

  async function call(method: string, namespace: string, path: string, query = "", body?: unknown): Promise<Answer> {
    token ??= login();
    // A failed login is not cached: the next call (a later stream) tries again and reports its own error.
    const clientToken = await token.catch((error: unknown) => {
      token = undefined;
      throw error;
    });
    return send(method, urlOf(path, query), { "x-vault-token": clientToken, ...namespaceHeader(namespace) }, body);
  }

  async function list(namespace: string, path: string): Promise<string[]> {
    const answer = await call("GET", namespace, path.replace(/\/+$/, ""), "?list=true");
    if (answer.status === 404) return [];
    if (answer.status >= 400) throw errorOf(answer, "LIST", urlOf(path));
    const parsed = listResponseSchema.safeParse(answer.data);
    if (!parsed.success) throw new SdkError("invalid_response", `Vault answered an unexpected LIST document for ${path}`);
    return parsed.data.data.keys;
  }

  async function read(namespace: string, path: string, missingOk = false): Promise<Record<string, unknown> | undefined> {
    const answer = await call("GET", namespace, path);
    if (missingOk && answer.status === 404) return undefined;
    if (answer.status >= 400) throw errorOf(answer, "GET", urlOf(path));
    const parsed = dataResponseSchema.safeParse(answer.data);
    if (!parsed.success) throw new SdkError("invalid_response", `Vault answered an unexpected document for ${path}`);
    return parsed.data.data;
  }

  return {
    list,
    listOnce(namespace, path) {
      const key = `${namespace}\n${path}`;
      let listing = listings.get(key);
      if (!listing) {
        listing = list(namespace, path);
        // A failed LIST is asked again by the next page rather than failing it from the cache.
        listing.catch(() => listings.delete(key));
        listings.set(key, listing);
      }
      return listing;
    },
    read: async (namespace, path) => (await read(namespace, path))!,
    readIfPresent: (namespace, path) => read(namespace, path, true),
    async lookup(namespace, path, body) {
      const answer = await call("POST", namespace, path, "", body);
      if (answer.status >= 400) {
        const error = errorOf(answer, "POST", urlOf(path));
        if ((answer.status === 400 || answer.status === 404) && GONE_MESSAGE.test(error.vaultMessage ?? "")) return undefined;
        throw error;
      }
      const parsed = dataResponseSchema.safeParse(answer.data);
      if (!parsed.success) throw new SdkError("invalid_response", `Vault answered an unexpected document for ${path}`);
      return parsed.data.data;
    },
  };
}

/** The context's Vault session, created on first use. */
export function vaultSessionOf(ctx: Pick<ConnectorContext<VaultConfig>, "config" | "signal">): VaultSession {
  let session = sessions.get(ctx);
  if (!session) {
    session = createSession(ctx.config, ctx.signal);
    sessions.set(ctx, session);
  }
  return session;
}
