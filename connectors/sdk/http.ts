import { combineSignals, raceAbort } from "./abort-signals";
import { SdkError } from "./errors";
import { createGuardedDispatcher, type GuardedDispatcher } from "./guarded-dispatcher";
import { parseJsonBody, readLimitedText } from "./http-body";
import { BlockedAddressError, findInCauses, HttpError, NetworkError, TimeoutError } from "./http-errors";
import { classifyAddress } from "./ip-address";
import {
  HTTP_DEFAULTS,
  type GuardedHttp,
  type GuardedHttpOptions,
  type GuardedRequestInit,
  type JsonRequestInit,
  type JsonResponse,
} from "./http-options";
import { NetworkPolicy, normaliseHost } from "./network-policy";
import { backoffDelay, defaultSleep, IDEMPOTENT_METHODS, isRetryableStatus, parseRetryAfter } from "./retry";

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
/** Headers kept on a cross-origin redirect; everything else may carry a credential. */
const CROSS_ORIGIN_SAFE_HEADERS: ReadonlySet<string> = new Set(["accept", "accept-language", "user-agent"]);

/**
 * The HTTP client of connectors: per-attempt timeout, retries with backoff and `Retry-After`,
 * and an SSRF guard that checks the URL, every address the host resolves to before connecting,
 * and — through a pinned dispatcher — the address the socket actually connects to. Redirects are
 * re-checked hop by hop and lose credential headers when they change origin.
 *
 * Request bodies must be replayable (string, Buffer, URLSearchParams) for retries to work.
 */
export function createGuardedHttp(options: GuardedHttpOptions = {}): GuardedHttp {
  const policy = new NetworkPolicy(options);
  const timeoutMs = options.timeoutMs ?? HTTP_DEFAULTS.timeoutMs;
  const maxAttempts = Math.max(1, options.maxAttempts ?? HTTP_DEFAULTS.maxAttempts);
  const maxRedirects = options.maxRedirects ?? HTTP_DEFAULTS.maxRedirects;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const backoff = (attempt: number) =>
    backoffDelay(
      attempt,
      options.backoffBaseMs ?? HTTP_DEFAULTS.backoffBaseMs,
      options.backoffMaxMs ?? HTTP_DEFAULTS.backoffMaxMs,
      random,
    );
  let guard: Promise<GuardedDispatcher> | undefined;

  async function sendOnce(start: URL, init: GuardedRequestInit, signal: AbortSignal) {
    const { dispatcher, validatedHosts } = await (guard ??= createGuardedDispatcher(policy, options.ca));
    const headers = new Headers(options.headers);
    new Headers(init.headers).forEach((value, name) => headers.set(name, value));
    // Keep the SDK's own options out of what undici sees.
    const { acceptStatus: _accept, timeoutMs: _timeout, idempotent: _idempotent, ...fetchOptions } = init;
    let method = (init.method ?? "GET").toUpperCase();
    let body = init.body;
    let url = start;
    for (let hop = 0; ; hop++) {
      policy.checkUrl(url);
      await raceAbort(policy.resolve(url.hostname, url), signal);
      const fetchInit = { ...fetchOptions, method, headers, body, signal, redirect: "manual", dispatcher };
      const response = await fetch(url, fetchInit as RequestInit);
      // Fail closed if the response did not come through our pinned dispatcher.
      if (classifyAddress(url.hostname) === null && !validatedHosts.has(url.hostname)) {
        await response.body?.cancel();
        throw new BlockedAddressError(normaliseHost(url.hostname), "guard_bypassed");
      }
      const location = response.headers.get("location");
      if (!REDIRECT_STATUSES.has(response.status) || hop >= maxRedirects || !location) return { response, url };
      await response.body?.cancel();
      const next = new URL(location, url);
      if (next.origin !== url.origin) {
        for (const name of [...headers.keys()]) if (!CROSS_ORIGIN_SAFE_HEADERS.has(name)) headers.delete(name);
      }
      if (response.status === 303 || (response.status <= 302 && method === "POST")) {
        method = "GET";
        body = undefined;
      }
      url = next;
    }
  }

  async function attempt(url: URL, init: GuardedRequestInit, callerSignal: AbortSignal | undefined) {
    const budget = init.timeoutMs ?? timeoutMs;
    const timeout = AbortSignal.timeout(budget);
    const signal = callerSignal ? AbortSignal.any([timeout, callerSignal]) : timeout;
    try {
      return await sendOnce(url, init, signal);
    } catch (error) {
      const blocked = findInCauses(error, (e): e is BlockedAddressError => e instanceof BlockedAddressError);
      if (blocked) throw blocked;
      if (callerSignal?.aborted) throw callerSignal.reason;
      if (timeout.aborted) throw new TimeoutError(url, budget);
      if (error instanceof SdkError) throw error;
      throw new NetworkError(url, findErrno(error), error);
    }
  }

  async function request(input: string | URL, init: GuardedRequestInit = {}): Promise<Response> {
    const url = new URL(String(input));
    const method = (init.method ?? "GET").toUpperCase();
    const idempotent = init.idempotent ?? IDEMPOTENT_METHODS.has(method);
    const callerSignal = combineSignals(options.signal, init.signal);
    for (let n = 1; ; n++) {
      const canRetry = n < maxAttempts;
      let outcome: Awaited<ReturnType<typeof attempt>>;
      try {
        outcome = await attempt(url, init, callerSignal);
      } catch (error) {
        if (canRetry && idempotent && isTransient(error)) {
          await sleep(backoff(n), callerSignal);
          continue;
        }
        throw error;
      }
      const { response } = outcome;
      if (response.ok || init.acceptStatus?.(response.status)) return response;
      await response.body?.cancel();
      if (canRetry && isRetryableStatus(response.status, idempotent)) {
        const retryAfter = parseRetryAfter(response.headers.get("retry-after"), now());
        const wait =
          retryAfter === undefined ? backoff(n) : Math.min(retryAfter, options.maxRetryAfterMs ?? HTTP_DEFAULTS.maxRetryAfterMs);
        await sleep(wait, callerSignal);
        continue;
      }
      throw new HttpError(response.status, method, outcome.url);
    }
  }

  async function json<T = unknown>(input: string | URL, init: JsonRequestInit<T> = {}): Promise<JsonResponse<T>> {
    const { schema, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (!headers.has("accept")) headers.set("accept", "application/json");
    const response = await request(input, { ...rest, headers });
    let text: string;
    try {
      text = await readLimitedText(response, input, options.maxResponseBytes ?? HTTP_DEFAULTS.maxResponseBytes);
    } catch (error) {
      if (error instanceof SdkError) throw error;
      if ((error as { name?: string }).name === "TimeoutError") throw new TimeoutError(input, init.timeoutMs ?? timeoutMs);
      if ((error as { name?: string }).name === "AbortError") throw error;
      throw new NetworkError(input, findErrno(error), error);
    }
    return { data: parseJsonBody(text, input, schema), headers: response.headers, status: response.status };
  }

  async function close(): Promise<void> {
    const pending = guard;
    guard = undefined;
    if (pending) await (await pending.catch(() => undefined))?.dispatcher.close();
  }

  return Object.freeze({ request, json, close });
}

function isTransient(error: unknown): boolean {
  return error instanceof TimeoutError || (error instanceof NetworkError && error.transient);
}

function findErrno(error: unknown): string | undefined {
  const withCode = findInCauses(error, (e): e is { code: string } => typeof (e as { code?: unknown }).code === "string");
  return withCode?.code;
}
