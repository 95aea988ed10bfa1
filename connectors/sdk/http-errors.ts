import { SdkError } from "./errors";
import type { AddressClass } from "./ip-address";

/**
 * A URL safe to print: no user-info, query string or fragment, which is where API keys,
 * signatures and tokens travel. Paths are kept for debugging, so never put secrets in paths.
 */
export function redactUrl(url: string | URL): string {
  try {
    const parsed = new URL(String(url));
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return "(invalid url)";
  }
}

/** The final answer of a request was not a success (after retries, if retryable). */
export class HttpError extends SdkError {
  readonly status: number;
  readonly method: string;
  /** Redacted URL (see `redactUrl`). */
  readonly url: string;

  constructor(status: number, method: string, url: string | URL) {
    const safeUrl = redactUrl(url);
    super("http_status", `${method} ${safeUrl} answered HTTP ${status}`);
    this.status = status;
    this.method = method;
    this.url = safeUrl;
  }
}

/** Why the SSRF guard refused a request. */
export type BlockReason = Exclude<AddressClass, "public"> | "scheme" | "insecure_scheme" | "userinfo" | "guard_bypassed";

/** The SSRF guard refused the URL, the host name, or one of the addresses it resolves to. */
export class BlockedAddressError extends SdkError {
  readonly host: string;
  readonly address: string | undefined;
  readonly reason: BlockReason;

  constructor(host: string, reason: BlockReason, address?: string) {
    const target = address && address !== host ? `${host} (${address})` : host;
    super("blocked_address", `refused to connect to ${target}: ${reason.replace(/_/g, " ")}`);
    this.host = host;
    this.address = address;
    this.reason = reason;
  }
}

/** One attempt exceeded its time budget (connect + headers + body, redirects included). */
export class TimeoutError extends SdkError {
  readonly url: string;
  readonly timeoutMs: number;

  constructor(url: string | URL, timeoutMs: number) {
    const safeUrl = redactUrl(url);
    super("timeout", `${safeUrl} did not answer within ${timeoutMs} ms`);
    this.url = safeUrl;
    this.timeoutMs = timeoutMs;
  }
}

/** DNS or socket failure (refused, reset, unreachable). */
export class NetworkError extends SdkError {
  readonly url: string;
  /** errno-style code from the underlying error, e.g. ECONNREFUSED, ENOTFOUND. */
  readonly errno: string | undefined;
  /** False when retrying cannot help (the name does not exist). */
  readonly transient: boolean;

  constructor(url: string | URL, errno: string | undefined, cause: unknown) {
    const safeUrl = redactUrl(url);
    super("network_error", `${safeUrl}: network error${errno ? ` (${errno})` : ""}`, { cause });
    this.url = safeUrl;
    this.errno = errno;
    this.transient = errno !== "ENOTFOUND";
  }
}

/** The body could not be used: too large, not JSON, or not the expected shape. */
export class ResponseError extends SdkError {
  readonly url: string;

  constructor(code: "response_too_large" | "invalid_json" | "invalid_response", url: string | URL, detail: string) {
    const safeUrl = redactUrl(url);
    super(code, `${safeUrl}: ${detail}`);
    this.url = safeUrl;
  }
}

/** Walks `cause` chains and AggregateError members (undici nests the socket error). */
export function findInCauses<T>(error: unknown, match: (e: unknown) => e is T, depth = 0): T | undefined {
  if (depth > 8 || error === null || typeof error !== "object") return undefined;
  if (match(error)) return error;
  const nested: unknown[] = [(error as { cause?: unknown }).cause];
  if (error instanceof AggregateError) nested.push(...error.errors);
  for (const inner of nested) {
    const found = findInCauses(inner, match, depth + 1);
    if (found) return found;
  }
  return undefined;
}
