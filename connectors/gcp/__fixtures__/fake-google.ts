import { createVerify } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/*
 * A local stand-in for Google's OAuth 2.0 token endpoint and the IAM / Resource Manager REST
 * APIs, speaking their wire formats: the JWT-bearer grant (form-encoded, RS256 assertion checked
 * against the service account's public key), JSON resources, and Google's error envelope
 * `{ "error": { "code", "message", "status" } }`. Plain HTTP on 127.0.0.1.
 */

export const FAKE_ACCESS_TOKEN = "ya29.fake-google-access-token";

export interface RecordedRequest {
  readonly method: string;
  /** Path and query, as received. */
  readonly url: string;
  readonly authorization: string | undefined;
  readonly body: string;
  /** When it arrived (ms since the epoch), to measure back-off. */
  readonly at: number;
}

export type GoogleReply = { status: number; body?: unknown; headers?: Record<string, string> };
/** Answers one request; `attempt` counts calls of this route (1 = first). */
export type GoogleRoute = (url: URL, attempt: number, body: string) => GoogleReply;

export interface FakeGoogle {
  readonly origin: string;
  readonly requests: RecordedRequest[];
  /** Routes by method and path without query, e.g. `GET /v1/projects/p/serviceAccounts`. */
  route(method: string, path: string, handler: GoogleRoute): void;
  close(): Promise<void>;
}

/** Google's error envelope, e.g. `googleError(403, "PERMISSION_DENIED", "…")`. */
export function googleError(code: number, status: string, message: string, headers?: Record<string, string>): GoogleReply {
  return { status: code, body: { error: { code, message, status } }, ...(headers ? { headers } : {}) };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, { status, body, headers }: GoogleReply): void {
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8", ...headers });
  res.end(body === undefined ? "" : JSON.stringify(body));
}

/** The JWT-bearer grant: the assertion must be signed by the account's key and name it as issuer. */
function answerTokenRequest(body: string, account: { email: string; publicKeyPem: string }): GoogleReply {
  const form = new URLSearchParams(body);
  const [header = "", payload = "", signature = ""] = (form.get("assertion") ?? "").split(".");
  const verifier = createVerify("RSA-SHA256");
  verifier.update(`${header}.${payload}`);
  const signed = verifier.verify(account.publicKeyPem, Buffer.from(signature, "base64url"));
  const claims = signed ? (JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { iss?: string }) : {};
  if (form.get("grant_type") !== "urn:ietf:params:oauth:grant-type:jwt-bearer" || !signed || claims.iss !== account.email) {
    return { status: 400, body: { error: "invalid_grant", error_description: "Invalid JWT Signature." } };
  }
  return { status: 200, body: { access_token: FAKE_ACCESS_TOKEN, expires_in: 3599, token_type: "Bearer" } };
}

export async function startFakeGoogle(account: { email: string; publicKeyPem: string }): Promise<FakeGoogle> {
  const routes = new Map<string, GoogleRoute>();
  const attempts = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  let origin = "";

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const url = new URL(req.url ?? "/", origin);
      const method = req.method ?? "GET";
      requests.push({ method, url: `${url.pathname}${url.search}`, authorization: req.headers.authorization, body, at: Date.now() });
      if (method === "POST" && url.pathname === "/token") return send(res, answerTokenRequest(body, account));
      if (req.headers.authorization !== `Bearer ${FAKE_ACCESS_TOKEN}`) {
        return send(res, googleError(401, "UNAUTHENTICATED", "Request had invalid authentication credentials."));
      }
      const key = `${method} ${decodeURIComponent(url.pathname)}`;
      const route = routes.get(key);
      if (!route) return send(res, googleError(404, "NOT_FOUND", `no route for ${key}`));
      const attempt = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, attempt);
      send(res, route(url, attempt, body));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    requests,
    route(method, path, handler) {
      routes.set(`${method} ${path}`, handler);
      attempts.delete(`${method} ${path}`);
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
