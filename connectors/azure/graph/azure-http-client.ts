import { createHttpHeaders, type HttpClient, type PipelineRequest, type PipelineResponse } from "@azure/core-rest-pipeline";
import { sdkFetch, SdkError, type GuardedHttp } from "../../sdk";

/*
 * The Azure SDK's transport, replaced: every request @azure/identity (MSAL) makes — OpenID
 * discovery, the token POST — goes through Keyward's guarded client (SSRF checks, pinned
 * sockets, per-attempt timeout) instead of node:https. `sdkFetch` hands every status back, so the
 * SDK's own pipeline keeps owning retries and error parsing, as it does with its default client.
 */

/** Token and discovery requests carry form or JSON text; nothing in this connector streams a body. */
function bodyOf(request: PipelineRequest): string | Uint8Array<ArrayBuffer> | undefined {
  const { body } = request;
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return body;
  // slice() copies into a fresh ArrayBuffer, the only kind fetch accepts as a body.
  if (body instanceof ArrayBuffer) return new Uint8Array(body).slice();
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength).slice();
  throw new SdkError("unsupported_body", `${request.method} request body of this kind is not supported`);
}

/** An `HttpClient` for `ClientSecretCredential({ httpClient })` backed by a guarded client. */
export function guardedAzureHttpClient(http: GuardedHttp): HttpClient {
  const send = sdkFetch(http);
  return {
    async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
      const signal = request.abortSignal instanceof AbortSignal ? request.abortSignal : undefined;
      const response = await send(request.url, {
        method: request.method,
        headers: request.headers.toJSON(),
        body: bodyOf(request),
        signal,
      });
      const headers = createHttpHeaders();
      response.headers.forEach((value, name) => headers.set(name, value));
      return { request, status: response.status, headers, bodyAsText: await response.text() };
    },
  };
}
