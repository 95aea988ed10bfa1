import { ClientSecretCredential } from "@azure/identity";
import type { z } from "zod";
import { createGuardedHttp, ResponseError, SdkError, type ConnectorContext, type GuardedHttp } from "../../sdk";
import { graphScopeOf, type AzureConfig } from "../config";
import { pageSchema } from "../schemas";
import { guardedAzureHttpClient } from "./azure-http-client";
import { graphErrorBodySchema, GraphRequestError } from "./graph-errors";

/*
 * One Graph session per sync (per connector context): one guarded client and one credential,
 * whose MSAL cache keeps the access token between pages instead of asking for a new one per page.
 * Keyed weakly by the context, so a finished run's session is collected with it.
 */

/** Statuses whose body is read for Graph's error code before failing; the rest fail in the client. */
const EXPLAINED_STATUSES: ReadonlySet<number> = new Set([400, 401, 403, 404]);

export interface GraphPage {
  readonly value: readonly unknown[];
  /** Absolute URL of the next page, already checked to stay on the Graph origin. */
  readonly nextLink: string | undefined;
}

export interface GraphSession {
  /** `<graphBaseUrl>/<path>?<query>`. */
  url(path: string, query?: Record<string, string>): string;
  /** GET of one JSON document, validated by `schema`. */
  get<T>(url: string, schema: z.ZodType<T>): Promise<T>;
  /** GET of one page of a collection (`value` + `@odata.nextLink`). */
  page(url: string): Promise<GraphPage>;
  /** Every page of a small collection (owners of one app, assignments of one principal). */
  all(url: string): Promise<unknown[]>;
}

const sessions = new WeakMap<object, GraphSession>();

/** Builds the guarded client from the source's own network switches (the runner's refuses loopback). */
function guardedHttpFor(config: AzureConfig, signal: AbortSignal): GuardedHttp {
  return createGuardedHttp({
    allowPrivateNetworks: config.allowPrivateNetworks,
    allowInsecureHttp: config.allowInsecureHttp,
    ...(config.caCertificate ? { ca: config.caCertificate } : {}),
    signal,
  });
}

function credentialFor(config: AzureConfig, http: GuardedHttp): ClientSecretCredential {
  return new ClientSecretCredential(config.tenantId, config.clientId, config.clientSecret, {
    httpClient: guardedAzureHttpClient(http),
    // A custom authority is not in Microsoft's instance discovery list: skip that lookup.
    ...(config.authorityHost ? { authorityHost: config.authorityHost, disableInstanceDiscovery: true } : {}),
  });
}

function createSession(config: AzureConfig, signal: AbortSignal): GraphSession {
  const http = guardedHttpFor(config, signal);
  const credential = credentialFor(config, http);
  const base = config.graphBaseUrl.replace(/\/+$/, "");
  const origin = new URL(base).origin;
  const scope = graphScopeOf(config);

  async function get<T>(url: string, schema: z.ZodType<T>): Promise<T> {
    const token = await credential.getToken(scope, { abortSignal: signal });
    if (!token) throw new SdkError("no_token", "Microsoft Entra returned no access token");
    // Remembered so that an error answer whose body is not JSON (a proxy's page) keeps its status.
    let errorStatus: number | undefined;
    const response = await http
      .json(url, {
        headers: { authorization: `Bearer ${token.token}` },
        acceptStatus: (status) => EXPLAINED_STATUSES.has(status) && (errorStatus = status) !== undefined,
      })
      .catch((error: unknown) => {
        throw errorStatus === undefined || !(error instanceof ResponseError)
          ? error
          : new GraphRequestError(errorStatus, "GET", url, undefined);
      });
    if (response.status >= 400) {
      const code = graphErrorBodySchema.safeParse(response.data);
      throw new GraphRequestError(response.status, "GET", url, code.success ? code.data.error.code : undefined);
    }
    const parsed = schema.safeParse(response.data);
    if (!parsed.success)
      throw new SdkError("invalid_response", `Graph answered an unexpected document for ${new URL(url).pathname}`);
    return parsed.data;
  }

  async function page(url: string): Promise<GraphPage> {
    const data = await get(url, pageSchema);
    const next = data["@odata.nextLink"];
    // A nextLink is followed with the bearer token: it must not lead anywhere but Graph.
    if (next !== undefined && new URL(next).origin !== origin) {
      throw new SdkError("foreign_next_link", "Graph's @odata.nextLink leaves the configured Graph origin");
    }
    return { value: data.value, nextLink: next };
  }

  return {
    url(path, query = {}) {
      const search = new URLSearchParams(query).toString();
      return `${base}/${path.replace(/^\/+/, "")}${search ? `?${search}` : ""}`;
    },
    get,
    page,
    async all(url) {
      const items: unknown[] = [];
      for (let next: string | undefined = url; next !== undefined;) {
        const current: GraphPage = await page(next);
        items.push(...current.value);
        next = current.nextLink;
      }
      return items;
    },
  };
}

/** The context's Graph session, created on first use. */
export function graphSessionOf(ctx: ConnectorContext<AzureConfig>): GraphSession {
  let session = sessions.get(ctx);
  if (!session) {
    session = createSession(ctx.config, ctx.signal);
    sessions.set(ctx, session);
  }
  return session;
}
