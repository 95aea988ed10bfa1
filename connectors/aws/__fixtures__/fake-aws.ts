import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/*
 * A local stand-in for AWS on 127.0.0.1 speaking the services' wire protocols:
 * - awsQuery (IAM, STS): form-encoded POST with `Action=…`, XML answers
 *   `<{Action}Response><{Action}Result>…</{Action}Result><ResponseMetadata>…` with lists as
 *   `<member>` elements, errors as `<ErrorResponse><Error><Type/><Code/><Message/></Error>`;
 * - awsJson1_1 (Secrets Manager, ACM): POST with `X-Amz-Target: <prefix>.<Operation>`, JSON
 *   answers with timestamps in epoch seconds, errors as `{ "__type": "…", "message": "…" }`.
 * The region of a call is read from its SigV4 credential scope, as AWS's regional endpoints know it.
 */

export interface AwsCall {
  readonly service: "query" | "json";
  /** `Action` (query) or the operation of `X-Amz-Target` (json). */
  readonly operation: string;
  readonly params: Record<string, unknown>;
  readonly region: string;
  /** Access key id of the SigV4 signature. */
  readonly accessKeyId: string;
  readonly contentType: string;
  readonly rawBody: string;
  readonly authorization: string;
  /** The SDK's `amz-sdk-request` header (`attempt=2; max=3`): who retried, and how often. */
  readonly sdkRequest: string;
  /** 1 for the first call of this operation with these params, 2 for its retry… */
  readonly attempt: number;
  readonly at: number;
}

export type AwsReply = { status?: number; result?: Record<string, unknown> } | { status: number; error: { code: string; message: string } };
export type AwsRoute = (call: AwsCall) => AwsReply;

const XMLNS = { query: "https://iam.amazonaws.com/doc/2010-05-08/" };

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Objects become elements, arrays `<member>` lists, as the query protocol serialises them. */
export function toXml(value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => `<member>${toXml(item)}</member>`).join("");
  if (value !== null && typeof value === "object") {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([key, v]) => `<${key}>${toXml(v)}</${key}>`)
      .join("");
  }
  return escapeXml(String(value));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export interface FakeAws {
  readonly endpoint: string;
  readonly calls: AwsCall[];
  /** Routes by operation name (`ListUsers`, `ListSecrets`…). */
  route(operation: string, handler: AwsRoute): void;
  close(): Promise<void>;
}

function send(res: ServerResponse, call: AwsCall, reply: AwsReply): void {
  const status = reply.status ?? 200;
  if (call.service === "json") {
    res.writeHead(status, { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "fake-request-id" });
    res.end(JSON.stringify("error" in reply ? { __type: reply.error.code, message: reply.error.message } : (reply.result ?? {})));
    return;
  }
  res.writeHead(status, { "content-type": "text/xml", "x-amzn-requestid": "fake-request-id" });
  if ("error" in reply) {
    res.end(
      `<ErrorResponse xmlns="${XMLNS.query}"><Error><Type>Sender</Type><Code>${reply.error.code}</Code>` +
        `<Message>${escapeXml(reply.error.message)}</Message></Error><RequestId>fake-request-id</RequestId></ErrorResponse>`,
    );
    return;
  }
  const op = call.operation;
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?><${op}Response xmlns="${XMLNS.query}"><${op}Result>${toXml(reply.result ?? {})}</${op}Result>` +
      `<ResponseMetadata><RequestId>fake-request-id</RequestId></ResponseMetadata></${op}Response>`,
  );
}

export async function startFakeAws(): Promise<FakeAws> {
  const routes = new Map<string, AwsRoute>();
  const attempts = new Map<string, number>();
  const calls: AwsCall[] = [];

  const server = createServer((req, res) => {
    void (async () => {
      const rawBody = await readBody(req);
      const authorization = String(req.headers.authorization ?? "");
      const scope = /Credential=([^/]+)\/\d{8}\/([^/]+)\//.exec(authorization);
      const target = req.headers["x-amz-target"];
      const form = new URLSearchParams(rawBody);
      const service = typeof target === "string" ? "json" : "query";
      const operation = typeof target === "string" ? (target.split(".").pop() ?? "") : (form.get("Action") ?? "");
      const params: Record<string, unknown> = service === "json" ? (JSON.parse(rawBody || "{}") as Record<string, unknown>) : Object.fromEntries(form);
      const key = `${operation}\0${scope?.[2]}\0${JSON.stringify(params)}`;
      const attempt = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, attempt);
      const call: AwsCall = {
        service,
        operation,
        params,
        region: scope?.[2] ?? "",
        accessKeyId: scope?.[1] ?? "",
        contentType: String(req.headers["content-type"] ?? ""),
        rawBody,
        authorization,
        sdkRequest: String(req.headers["amz-sdk-request"] ?? ""),
        attempt,
        at: Date.now(),
      };
      calls.push(call);
      const handler = routes.get(operation);
      send(res, call, handler ? handler(call) : { status: 400, error: { code: "InvalidAction", message: `no route for ${operation}` } });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    route: (operation, handler) => void routes.set(operation, handler),
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
