import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/*
 * A local stand-in for a Kubernetes API server, speaking its wire format: typed lists
 * (`{ kind: "SecretList", apiVersion, metadata: { continue }, items }`) paged by `limit` and an
 * opaque `continue` token, and `Status` objects for errors (`{ kind: "Status", reason: "Forbidden",
 * code: 403 }`), bearer-token authentication. Plain HTTP on 127.0.0.1.
 */

export const FAKE_TOKEN = "k8s-reader-bearer-token-for-tests-0f3c9a";

export interface RecordedRequest {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly authorization: string | undefined;
  readonly at: number;
}

export type KubeReply = { status: number; body?: unknown; headers?: Record<string, string> };
/** Answers one request; `attempt` counts calls of this path (1 = first). */
export type KubeRoute = (query: URLSearchParams, attempt: number) => KubeReply;

export interface FakeKubeApi {
  readonly origin: string;
  readonly requests: RecordedRequest[];
  route(path: string, handler: KubeRoute): void;
  reset(): void;
  close(): Promise<void>;
}

/** The API server's error object. */
export function kubeStatus(code: number, reason: string, message: string, headers?: Record<string, string>): KubeReply {
  return {
    status: code,
    body: { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code },
    ...(headers ? { headers } : {}),
  };
}

/** Serves `items` as a `<kind>List` in pages of `limit`, linked by an opaque continue token. */
export function pagedList(kind: string, apiVersion: string, items: readonly unknown[]): KubeRoute {
  return (query) => {
    const limit = Number(query.get("limit") ?? 500);
    const start = Number(Buffer.from(query.get("continue") ?? "", "base64url").toString() || 0);
    const next = start + limit < items.length ? Buffer.from(String(start + limit)).toString("base64url") : undefined;
    return {
      status: 200,
      body: {
        kind: `${kind}List`,
        apiVersion,
        metadata: { resourceVersion: "48213", ...(next ? { continue: next } : {}) },
        items: items.slice(start, start + limit),
      },
    };
  };
}

export async function startFakeKubeApi(): Promise<FakeKubeApi> {
  const routes = new Map<string, KubeRoute>();
  const attempts = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push({ path: url.pathname, query: url.searchParams, authorization: req.headers.authorization, at: Date.now() });
    const reply = (() => {
      if (req.headers.authorization !== `Bearer ${FAKE_TOKEN}`) return kubeStatus(401, "Unauthorized", "Unauthorized");
      const route = routes.get(url.pathname);
      if (!route || req.method !== "GET") return kubeStatus(404, "NotFound", "the server could not find the requested resource");
      const attempt = (attempts.get(url.pathname) ?? 0) + 1;
      attempts.set(url.pathname, attempt);
      return route(url.searchParams, attempt);
    })();
    res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
    res.end(reply.body === undefined ? "" : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    route(path, handler) {
      routes.set(path, handler);
      attempts.delete(path);
    },
    reset() {
      routes.clear();
      attempts.clear();
      requests.length = 0;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** A kubeconfig (JSON is valid YAML) naming the fake server and a bearer token. */
export function kubeconfigFor(server: string, user: Record<string, unknown> = { token: FAKE_TOKEN }): string {
  return JSON.stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "prod-eu-1", cluster: { server } }],
    users: [{ name: "keyward-reader", user }],
    contexts: [{ name: "keyward@prod-eu-1", context: { cluster: "prod-eu-1", user: "keyward-reader" } }],
    "current-context": "keyward@prod-eu-1",
  });
}
