import type { HttpHandlerOptions, HttpRequest, HttpResponse, QueryParameterBag } from "@smithy/types";
import { SdkError } from "../../sdk";

/*
 * The AWS SDK's HTTP transport, replaced: every request the clients make (IAM, STS, Secrets
 * Manager, ACM) goes through Keyward's guarded client via `sdkFetch` — SSRF checks, pinned sockets,
 * per-attempt timeout — instead of node:https. `sdkFetch` hands every status back, so the SDK keeps
 * owning retries (throttling backoff) and error parsing, as with its default handler. The request is
 * built the way @smithy/fetch-http-handler builds it.
 */

/** RFC 3986 encoding, as SigV4 signs the query (URLSearchParams would write spaces as "+"). */
const escape = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function queryString(query: QueryParameterBag | undefined): string {
  return Object.keys(query ?? {})
    .sort()
    .flatMap((key) => {
      const value = query?.[key];
      if (value === null || value === undefined) return [escape(key)];
      return (Array.isArray(value) ? value : [value]).map((v) => `${escape(key)}=${escape(v)}`);
    })
    .join("&");
}

/** AWS query and JSON protocols send text; nothing this connector calls streams a body. */
function bodyOf(request: HttpRequest): string | Uint8Array<ArrayBuffer> | undefined {
  const { body } = request;
  if (request.method === "GET" || request.method === "HEAD" || body === undefined || body === null) return undefined;
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return new Uint8Array(body).slice();
  throw new SdkError("unsupported_body", `${request.method} request body of this kind is not supported`);
}

export class GuardedRequestHandler {
  readonly metadata = { handlerProtocol: "http/1.1" };

  constructor(private readonly send: typeof fetch) {}

  async handle(request: HttpRequest, options: HttpHandlerOptions = {}): Promise<{ response: HttpResponse }> {
    const query = queryString(request.query);
    const url = `${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ""}${request.path}${query ? `?${query}` : ""}`;
    const headers = new Headers();
    // fetch derives Host from the URL (the same value the SDK signed).
    for (const [name, value] of Object.entries(request.headers)) if (name.toLowerCase() !== "host") headers.set(name, value);
    const signal = options.abortSignal instanceof AbortSignal ? options.abortSignal : undefined;
    const response = await this.send(url, { method: request.method, headers, body: bodyOf(request), signal });
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => (responseHeaders[name] = value));
    return {
      response: {
        statusCode: response.status,
        reason: response.statusText,
        headers: responseHeaders,
        body: response.body ?? (await response.blob()),
      },
    };
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {}
}
