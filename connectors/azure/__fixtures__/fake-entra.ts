import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import type { IncomingMessage, ServerResponse } from "node:http";
import { issue } from "../../certificates/__fixtures__/test-pki";

/*
 * A local stand-in for Microsoft Entra ID and Microsoft Graph, speaking their wire formats:
 * OpenID discovery at /{tenant}/v2.0/.well-known/openid-configuration, the v2.0 token endpoint
 * (client credentials grant, form-encoded), and Graph JSON under /v1.0. HTTPS, because MSAL
 * and @azure/identity refuse a plain-http authority; the certificate is self-signed.
 */

export const FAKE_ACCESS_TOKEN = "fake-graph-access-token";

export interface RecordedRequest {
  readonly method: string;
  /** Path and query, as received. */
  readonly url: string;
  readonly authorization: string | undefined;
  readonly body: string;
  /** When it arrived (ms since the epoch), to measure back-off. */
  readonly at: number;
}

/** Answers a Graph request: a status, a body, extra headers. */
export type GraphReply = { status: number; body?: unknown; headers?: Record<string, string> };
export type GraphRoute = (url: URL, attempt: number) => GraphReply;

export interface FakeEntra {
  readonly origin: string;
  /** The server's self-signed certificate, for the source's `caCertificate`. */
  readonly caPem: string;
  readonly requests: RecordedRequest[];
  /** Routes by path (without query); a route sees how many times it was called. */
  route(path: string, handler: GraphRoute): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, { status, body, headers }: GraphReply): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(body === undefined ? "" : JSON.stringify(body));
}

export async function startFakeEntra(options: { tenantId: string; clientId: string; clientSecret: string }): Promise<FakeEntra> {
  const cert = await issue({ cn: "127.0.0.1", sans: ["localhost", "127.0.0.1"] });
  const routes = new Map<string, GraphRoute>();
  const attempts = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  let origin = "";

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", origin);
    requests.push({
      method: req.method ?? "GET",
      url: `${url.pathname}${url.search}`,
      authorization: req.headers.authorization,
      body,
      at: Date.now(),
    });
    const tenantBase = `${origin}/${options.tenantId}`;
    if (url.pathname === `/${options.tenantId}/v2.0/.well-known/openid-configuration`) {
      return send(res, {
        status: 200,
        body: {
          token_endpoint: `${tenantBase}/oauth2/v2.0/token`,
          authorization_endpoint: `${tenantBase}/oauth2/v2.0/authorize`,
          issuer: `${tenantBase}/v2.0`,
          jwks_uri: `${origin}/${options.tenantId}/discovery/v2.0/keys`,
          token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
          response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
          tenant_region_scope: "EU",
        },
      });
    }
    if (req.method === "POST" && url.pathname === `/${options.tenantId}/oauth2/v2.0/token`) {
      const form = new URLSearchParams(body);
      const valid =
        form.get("grant_type") === "client_credentials" &&
        form.get("client_id") === options.clientId &&
        form.get("client_secret") === options.clientSecret;
      if (!valid) {
        return send(res, {
          status: 401,
          body: { error: "invalid_client", error_description: "AADSTS7000215: Invalid client secret provided." },
        });
      }
      return send(res, {
        status: 200,
        body: { token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: FAKE_ACCESS_TOKEN },
      });
    }
    if (req.headers.authorization !== `Bearer ${FAKE_ACCESS_TOKEN}`) {
      return send(res, {
        status: 401,
        body: { error: { code: "InvalidAuthenticationToken", message: "Access token is empty." } },
      });
    }
    const handler = routes.get(url.pathname);
    if (!handler) return send(res, { status: 404, body: { error: { code: "Request_ResourceNotFound", message: "not found" } } });
    const attempt = (attempts.get(url.pathname) ?? 0) + 1;
    attempts.set(url.pathname, attempt);
    return send(res, handler(url, attempt));
  };

  const server: Server = createServer({ cert: cert.pem, key: cert.keyPem }, (req, res) => {
    handle(req, res).catch(() => send(res, { status: 500 }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    caPem: cert.pem,
    requests,
    route: (path, handler) => void routes.set(path, handler),
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
