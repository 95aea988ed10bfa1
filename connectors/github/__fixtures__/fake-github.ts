import { createVerify } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/*
 * A local stand-in for GitHub's REST API (GitHub Enterprise Server layout: everything under
 * /api/v3), speaking its wire format: JSON bodies, `Link` pagination, GitHub's error body
 * `{ message, documentation_url, status }`, rate-limit headers, and the App flow — an RS256 JWT
 * (checked against the App's public key) traded for an installation token. Plain HTTP on 127.0.0.1.
 */

export const FAKE_INSTALLATION_TOKEN = "fake-installation-token-4f1c9e";
export const API_PREFIX = "/api/v3";

export interface RecordedRequest {
  readonly method: string;
  /** Path (without the API prefix) and query. */
  readonly url: string;
  readonly authorization: string | undefined;
  readonly apiVersion: string | undefined;
  /** When it arrived (ms since the epoch), to measure waits. */
  readonly at: number;
}

export type GitHubReply = { status: number; body?: unknown; headers?: Record<string, string> };
/** Answers one request; `attempt` counts calls of this route (1 = first). */
export type GitHubRoute = (url: URL, attempt: number) => GitHubReply;

export interface FakeGitHub {
  /** The API root, as a GitHub Enterprise Server `baseUrl`. */
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  /** Routes by method and path without prefix or query, e.g. `GET /orgs/acme/repos`. */
  route(method: string, path: string, handler: GitHubRoute): void;
  close(): Promise<void>;
}

export function githubError(status: number, message: string, headers?: Record<string, string>): GitHubReply {
  return {
    status,
    body: { message, documentation_url: "https://docs.github.com/rest", status: String(status) },
    ...(headers ? { headers } : {}),
  };
}

/** Serves `items` in pages of `per_page`, linked by `Link: <…?page=N>; rel="next"` as GitHub does. */
export function paged(
  baseUrl: string,
  path: string,
  items: readonly unknown[],
  wrap?: (page: unknown[]) => unknown,
): GitHubRoute {
  return (url) => {
    const perPage = Number(url.searchParams.get("per_page") ?? 30);
    const page = Number(url.searchParams.get("page") ?? 1);
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number, rel: string) => `<${baseUrl}${path}?per_page=${perPage}&page=${n}>; rel="${rel}"`;
    const links = [
      ...(page < last ? [link(page + 1, "next"), link(last, "last")] : []),
      ...(page > 1 ? [link(1, "first"), link(page - 1, "prev")] : []),
    ];
    const headers: Record<string, string> = links.length > 0 ? { link: links.join(", ") } : {};
    return { status: 200, body: wrap ? wrap(slice) : slice, headers };
  };
}

async function readBody(req: IncomingMessage): Promise<void> {
  for await (const chunk of req) void chunk;
}

function send(res: ServerResponse, { status, body, headers }: GitHubReply): void {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "x-ratelimit-limit": "5000",
    "x-ratelimit-remaining": "4999",
    ...headers,
  });
  res.end(body === undefined ? "" : JSON.stringify(body));
}

/** The App JWT: RS256, signed by the App's key, issued by the App id, not expired. */
function verifyAppJwt(authorization: string | undefined, app: { appId: string; publicKeyPem: string }): boolean {
  const [scheme = "", jwt = ""] = (authorization ?? "").split(" ");
  const [header = "", payload = "", signature = ""] = jwt.split(".");
  if (scheme.toLowerCase() !== "bearer") return false;
  const verifier = createVerify("RSA-SHA256");
  verifier.update(`${header}.${payload}`);
  if (!verifier.verify(app.publicKeyPem, Buffer.from(signature, "base64url"))) return false;
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { iss?: string; exp?: number; iat?: number };
  const now = Date.now() / 1000;
  return claims.iss === app.appId && (claims.exp ?? 0) > now && (claims.exp ?? 0) - (claims.iat ?? 0) <= 600;
}

export async function startFakeGitHub(app: { appId: string; installationId: number; publicKeyPem: string }): Promise<FakeGitHub> {
  const routes = new Map<string, GitHubRoute>();
  const attempts = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  let origin = "";

  const server = createServer((req, res) => {
    void (async () => {
      await readBody(req);
      const full = new URL(req.url ?? "/", origin);
      const method = req.method ?? "GET";
      const path = full.pathname.startsWith(API_PREFIX) ? full.pathname.slice(API_PREFIX.length) : full.pathname;
      const authorization = req.headers.authorization;
      requests.push({
        method,
        url: `${path}${full.search}`,
        authorization,
        apiVersion: req.headers["x-github-api-version"] as string | undefined,
        at: Date.now(),
      });
      if (!full.pathname.startsWith(API_PREFIX)) return send(res, githubError(404, "Not Found"));
      if (method === "POST" && path === `/app/installations/${app.installationId}/access_tokens`) {
        if (!verifyAppJwt(authorization, app)) return send(res, githubError(401, "A JSON web token could not be decoded"));
        const expiresAt = new Date(Date.now() + 3600_000).toISOString().replace(/\.\d+Z$/, "Z");
        return send(res, {
          status: 201,
          body: { token: FAKE_INSTALLATION_TOKEN, expires_at: expiresAt, permissions: {}, repository_selection: "all" },
        });
      }
      if (authorization !== `token ${FAKE_INSTALLATION_TOKEN}`) return send(res, githubError(401, "Bad credentials"));
      const key = `${method} ${path}`;
      const route = routes.get(key);
      if (!route) return send(res, githubError(404, "Not Found"));
      const attempt = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, attempt);
      send(res, route(full, attempt));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl: `${origin}${API_PREFIX}`,
    requests,
    route(method, path, handler) {
      routes.set(`${method} ${path}`, handler);
      attempts.delete(`${method} ${path}`);
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
