import type { GuardedHttp } from "./http-options";

/**
 * A `fetch` for official provider SDKs (AWS, Google, Azure), which accept a custom fetch or HTTP
 * handler: every request still passes the guarded client's SSRF checks, pinned sockets and
 * per-attempt timeout, but every status is handed back as it is, because the SDK owns retries
 * and error parsing (an AWS throttle is a 400 with a code in the body, which only it can read).
 * Connectors give this to the SDK instead of letting it use global `fetch` or `node:http`.
 */
export function sdkFetch(http: GuardedHttp): typeof fetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const url = request ? request.url : String(input);
    const method = init?.method ?? request?.method ?? "GET";
    const headers = new Headers(request?.headers);
    new Headers(init?.headers).forEach((value, name) => headers.set(name, value));
    let body = init?.body ?? undefined;
    if (body === undefined && request?.body) body = Buffer.from(await request.arrayBuffer());
    // The guarded client drops `signal` from init into its own; pass the SDK's through.
    return http.request(url, {
      method,
      headers,
      body,
      signal: init?.signal ?? request?.signal ?? undefined,
      acceptStatus: () => true,
      idempotent: false,
    });
  };
}
