import type { z } from "zod";
import type { NetworkPolicyOptions } from "./network-policy";

/** Defaults of `GuardedHttpOptions`; each is explained on its option. */
export const HTTP_DEFAULTS = Object.freeze({
  timeoutMs: 15_000,
  maxAttempts: 4,
  backoffBaseMs: 500,
  backoffMaxMs: 20_000,
  maxRetryAfterMs: 60_000,
  maxRedirects: 0,
  maxResponseBytes: 64 * 1024 * 1024,
});

/** Options of `createGuardedHttp`. Network policy options (allow lists, DNS) are inherited. */
export interface GuardedHttpOptions extends NetworkPolicyOptions {
  /** Budget of one attempt: DNS, connect, redirects, headers and body. Default 15 000 ms. */
  timeoutMs?: number;
  /** Attempts in total, the first included. Default 4. */
  maxAttempts?: number;
  /** First backoff ceiling; doubles per attempt. Default 500 ms. */
  backoffBaseMs?: number;
  /** Largest backoff ceiling. Default 20 000 ms. */
  backoffMaxMs?: number;
  /** Largest honoured `Retry-After`, so one answer cannot park a sync for hours. Default 60 000 ms. */
  maxRetryAfterMs?: number;
  /** Redirects followed, each re-checked by the guard. Default 0: a 3xx is returned as an error. */
  maxRedirects?: number;
  /** Largest body `json()` reads. Default 64 MiB. */
  maxResponseBytes?: number;
  /** PEM certificate(s) of CAs trusted in addition to Node's bundled roots (private PKI, tests). */
  ca?: string;
  /** Headers sent with every request (credentials, user agent…). */
  headers?: Record<string, string>;
  /** Cancels every request and wait of this client (pass the connector context's signal). */
  signal?: AbortSignal;
  /** Waits between attempts; inject a fake in tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Returns [0, 1) for backoff jitter; inject for deterministic tests. */
  random?: () => number;
  /** Clock for HTTP-date `Retry-After` values. */
  now?: () => number;
}

/** `fetch` init without `redirect` (the client decides) plus per-request controls. */
export interface GuardedRequestInit extends Omit<RequestInit, "redirect" | "signal"> {
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this request. */
  timeoutMs?: number;
  /** Non-2xx statuses to return instead of throwing (e.g. 404 for "parent vanished"). */
  acceptStatus?: (status: number) => boolean;
  /** Whether repeating is safe. Default: from the method (GET, PUT… yes; POST, PATCH no). */
  idempotent?: boolean;
}

export interface JsonRequestInit<T> extends GuardedRequestInit {
  /** Validates the parsed body; the result is typed by it. */
  schema?: z.ZodType<T>;
}

export interface JsonResponse<T> {
  data: T;
  headers: Headers;
  status: number;
}

/** HTTP client every connector uses instead of global `fetch`. */
export interface GuardedHttp {
  /** Sends a request; returns the response when 2xx or accepted, throws a typed error otherwise. */
  request(url: string | URL, init?: GuardedRequestInit): Promise<Response>;
  /** `request` + bounded body read + JSON parse (+ schema validation). */
  json<T = unknown>(url: string | URL, init?: JsonRequestInit<T>): Promise<JsonResponse<T>>;
  /** Closes pooled connections. */
  close(): Promise<void>;
}
