import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/*
 * A local stand-in for Vault's HTTP API, speaking its wire format: `/v1/<path>`, the token in
 * `X-Vault-Token`, the namespace in `X-Vault-Namespace`, LIST as the LIST verb or as
 * `GET …?list=true`, JSON bodies, the response envelope, and the error envelope
 * `{ "errors": [...] }` (403 "permission denied" for an unknown token). AppRole login at
 * `POST /v1/auth/approle/login`. Plain HTTP on 127.0.0.1.
 */

export interface RecordedRequest {
  /** LIST for both spellings of a listing. */
  readonly method: string;
  /** The HTTP verb as sent. */
  readonly verb: string;
  /** Path and query, as received. */
  readonly url: string;
  readonly token: string | undefined;
  readonly namespace: string;
  readonly vaultRequestHeader: string | undefined;
  readonly body: string;
  /** When it arrived (ms since the epoch), to measure back-off. */
  readonly at: number;
}

export type VaultReply = { status: number; body?: unknown; headers?: Record<string, string> };
/** Answers one request; `attempt` counts calls of this route (1 = first). */
export type VaultRoute = (request: { body: string; attempt: number }) => VaultReply;

export interface FakeVault {
  readonly origin: string;
  readonly requests: RecordedRequest[];
  /** Routes by method (GET, POST, LIST), path after /v1/ and namespace ("" = root). */
  route(method: string, path: string, handler: VaultRoute, namespace?: string): void;
  close(): Promise<void>;
}

/** Vault's response envelope around `data`. */
export function envelope(data: unknown, extra: Record<string, unknown> = {}): VaultReply {
  return {
    status: 200,
    body: {
      request_id: "5e1f0c2a-6b3d-4e8f-9a7b-1c2d3e4f5a6b",
      lease_id: "",
      renewable: false,
      lease_duration: 0,
      data,
      wrap_info: null,
      warnings: null,
      auth: null,
      ...extra,
    },
  };
}

/** Vault's error envelope, e.g. `vaultError(403, "permission denied")`. */
export function vaultError(status: number, message?: string, headers?: Record<string, string>): VaultReply {
  return { status, body: { errors: message === undefined ? [] : [message] }, ...(headers ? { headers } : {}) };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, { status, body, headers }: VaultReply): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(body === undefined ? "" : JSON.stringify(body));
}

export interface FakeVaultOptions {
  /** Tokens the server accepts. */
  readonly tokens: readonly string[];
  /** The AppRole credentials `auth/approle/login` accepts, and the token it issues. */
  readonly approle?: { roleId: string; secretId: string; clientToken: string };
}

export async function startFakeVault(options: FakeVaultOptions): Promise<FakeVault> {
  const routes = new Map<string, VaultRoute>();
  const attempts = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  let origin = "";

  function login(body: string): VaultReply {
    const { role_id, secret_id } = JSON.parse(body || "{}") as { role_id?: string; secret_id?: string };
    if (!options.approle || role_id !== options.approle.roleId || secret_id !== options.approle.secretId) {
      return vaultError(400, "invalid role or secret ID");
    }
    return {
      status: 200,
      body: {
        request_id: "6f2a1d3b-7c4e-5f9a-0b8c-2d3e4f5a6b7c",
        lease_id: "",
        renewable: false,
        lease_duration: 0,
        data: null,
        auth: {
          client_token: options.approle.clientToken,
          accessor: "0e9d8c7b-keyward-login",
          policies: ["keyward-reader"],
          lease_duration: 3600,
          renewable: true,
        },
      },
    };
  }

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const url = new URL(req.url ?? "/", origin);
      const verb = req.method ?? "GET";
      const method = verb === "LIST" || (verb === "GET" && url.searchParams.get("list") === "true") ? "LIST" : verb;
      const token = req.headers["x-vault-token"] as string | undefined;
      const namespace = String(req.headers["x-vault-namespace"] ?? "").replace(/^\/+|\/+$/g, "");
      const vaultRequestHeader = req.headers["x-vault-request"] as string | undefined;
      requests.push({
        method,
        verb,
        url: `${url.pathname}${url.search}`,
        token,
        namespace,
        vaultRequestHeader,
        body,
        at: Date.now(),
      });
      const path = decodeURIComponent(url.pathname)
        .replace(/^\/v1\//, "")
        .replace(/\/+$/, "");
      if (method === "POST" && path === "auth/approle/login") return send(res, login(body));
      if (!token || !options.tokens.includes(token)) return send(res, vaultError(403, "permission denied"));
      const key = `${method} ${namespace}|${path}`;
      const route = routes.get(key);
      // Vault answers 404 with an empty error list for a path with nothing there.
      if (!route) return send(res, vaultError(404));
      const attempt = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, attempt);
      send(res, route({ body, attempt }));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    requests,
    route(method, path, handler, namespace = "") {
      const key = `${method} ${namespace}|${path.replace(/\/+$/, "")}`;
      routes.set(key, handler);
      attempts.delete(key);
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
