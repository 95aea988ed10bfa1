import { ResponseContext, wrapHttpLibrary, type HttpLibrary, type RequestContext } from "@kubernetes/client-node";
import { z } from "zod";
import { HttpError, RETRYABLE_STATUSES, type GuardedHttp } from "../../sdk";

/*
 * The seam between @kubernetes/client-node 1.x and Keyward's guarded HTTP client. The generated
 * client sends every request through a configurable `HttpLibrary` (by default node-fetch with
 * the kubeconfig's TLS agent); this one sends it through `GuardedHttp` instead, so the SSRF
 * guard, pinned sockets, timeouts and retries apply to the API server too:
 *
 * - throttling and transient answers (429, 502–504) are retried by the guarded client, which
 *   honours `Retry-After` — client-node 1.x does not retry at all;
 * - any other failure becomes a `KubernetesApiError` (an `HttpError`, so the runner classifies a
 *   403 as `permission_denied`) carrying the Status `reason` but not its message, which names
 *   the caller and echoes the request;
 * - the kubeconfig's TLS agent is not used: the guarded client trusts the cluster CA (given as
 *   its `ca` option by the session) and cannot present client certificates.
 */

/** The `Status` object the API server answers errors with. */
const statusSchema = z.object({ kind: z.literal("Status"), reason: z.string().optional() });

export class KubernetesApiError extends HttpError {
  readonly reason: string | undefined;

  constructor(status: number, method: string, url: string, reason: string | undefined) {
    super(status, method, url);
    this.reason = reason;
    if (reason) this.message = `${this.message} (${reason})`;
  }
}

function reasonOf(body: Buffer): string | undefined {
  try {
    return statusSchema.safeParse(JSON.parse(body.toString("utf8"))).data?.reason;
  } catch {
    return undefined;
  }
}

async function send(http: GuardedHttp, request: RequestContext): Promise<ResponseContext> {
  const method = request.getHttpMethod().toString();
  const url = request.getUrl();
  const response = await http.request(url, {
    method,
    headers: request.getHeaders(),
    body: request.getBody() as BodyInit | undefined,
    signal: request.getSignal(),
    acceptStatus: (status) => !RETRYABLE_STATUSES.has(status),
  });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status >= 400) throw new KubernetesApiError(response.status, method, url, reasonOf(body));
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return new ResponseContext(response.status, headers, { text: async () => body.toString("utf8"), binary: async () => body });
}

export const guardedHttpLibrary = (http: GuardedHttp): HttpLibrary => wrapHttpLibrary({ send: (request) => send(http, request) });
