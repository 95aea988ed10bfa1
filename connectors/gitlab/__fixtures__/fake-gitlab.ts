import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/*
 * A local stand-in for GitLab's REST v4 API (everything under /api/v4), speaking its wire format:
 * JSON bodies, offset pagination (`page`/`per_page` in; `x-page`, `x-next-page`, `x-total-pages`
 * and `Link` out), GitLab's error body `{ "message": "403 Forbidden" }`, `PRIVATE-TOKEN` or Bearer
 * auth, and rate-limit headers. Plain HTTP on 127.0.0.1.
 */

export const FAKE_TOKEN = "fake-gitlab-token-3c8e1a";
export const API_PREFIX = "/api/v4";

export interface RecordedRequest {
  readonly method: string;
  /** Decoded path without the API prefix, plus the query. */
  readonly url: string;
  readonly privateToken: string | undefined;
  readonly authorization: string | undefined;
  /** When it arrived (ms since the epoch), to measure waits. */
  readonly at: number;
}

export type GitlabReply = { status: number; body?: unknown; headers?: Record<string, string> };
/** Answers one request; `attempt` counts calls of this route (1 = first). */
export type GitlabRoute = (url: URL, attempt: number) => GitlabReply;

export interface FakeGitlab {
  /** The instance root, as the connector's `host`. */
  readonly host: string;
  readonly requests: RecordedRequest[];
  /** Routes by method and DECODED path without prefix or query, e.g. `GET /groups/acme/projects`. */
  route(method: string, path: string, handler: GitlabRoute): void;
  close(): Promise<void>;
}

export function gitlabError(status: number, message: string, headers?: Record<string, string>): GitlabReply {
  return { status, body: { message }, ...(headers ? { headers } : {}) };
}

/** Serves `items` in pages of `per_page` with GitLab's pagination headers. */
export function paged(host: string, path: string, items: readonly unknown[]): GitlabRoute {
  return (url) => {
    const perPage = Number(url.searchParams.get("per_page") ?? 20);
    const page = Number(url.searchParams.get("page") ?? 1);
    const totalPages = Math.max(1, Math.ceil(items.length / perPage));
    const next = page < totalPages ? String(page + 1) : "";
    const link = (n: number, rel: string) => `<${host}${API_PREFIX}${path}?page=${n}&per_page=${perPage}>; rel="${rel}"`;
    const links = [...(next ? [link(page + 1, "next")] : []), link(1, "first"), link(totalPages, "last")];
    return {
      status: 200,
      body: items.slice((page - 1) * perPage, page * perPage),
      headers: {
        "x-page": String(page),
        "x-per-page": String(perPage),
        "x-next-page": next,
        "x-prev-page": page > 1 ? String(page - 1) : "",
        "x-total": String(items.length),
        "x-total-pages": String(totalPages),
        link: links.join(", "),
      },
    };
  };
}

async function readBody(req: IncomingMessage): Promise<void> {
  for await (const chunk of req) void chunk;
}

function send(res: ServerResponse, { status, body, headers }: GitlabReply): void {
  res.writeHead(status, {
    "content-type": "application/json",
    "ratelimit-limit": "2000",
    "ratelimit-remaining": "1999",
    ...headers,
  });
  res.end(body === undefined ? "" : JSON.stringify(body));
}

export async function startFakeGitlab(): Promise<FakeGitlab> {
  const routes = new Map<string, GitlabRoute>();
  const attempts = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  let origin = "";

  const server = createServer((req, res) => {
    void (async () => {
      await readBody(req);
      const full = new URL(req.url ?? "/", origin);
      const method = req.method ?? "GET";
      const rawPath = full.pathname.startsWith(API_PREFIX) ? full.pathname.slice(API_PREFIX.length) : full.pathname;
      const path = decodeURIComponent(rawPath);
      const privateToken = req.headers["private-token"] as string | undefined;
      const authorization = req.headers.authorization;
      requests.push({ method, url: `${path}${full.search}`, privateToken, authorization, at: Date.now() });
      if (!full.pathname.startsWith(API_PREFIX)) return send(res, gitlabError(404, "404 Not Found"));
      if (privateToken !== FAKE_TOKEN && authorization !== `Bearer ${FAKE_TOKEN}`)
        return send(res, gitlabError(401, "401 Unauthorized"));
      const key = `${method} ${path}`;
      const route = routes.get(key);
      if (!route) return send(res, gitlabError(404, "404 Not Found"));
      const attempt = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, attempt);
      send(res, route(full, attempt));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    host: origin,
    requests,
    route(method, path, handler) {
      routes.set(`${method} ${path}`, handler);
      attempts.delete(`${method} ${path}`);
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
