/**
 * Statuses worth retrying: 429 (rate limited) and the gateway/unavailable family, which mean
 * "not processed, try later". Every other status is an answer and is returned or thrown as is.
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/**
 * Methods that may be repeated without side effects (RFC 9110 §9.2.2). Other methods are
 * retried only on 429, where the server states it did not process the request.
 */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);

/** True when a response with `status` to a request of this kind may be retried. */
export function isRetryableStatus(status: number, idempotent: boolean): boolean {
  return idempotent ? RETRYABLE_STATUSES.has(status) : status === 429;
}

/**
 * Exponential backoff with full jitter: a uniform delay in [0, min(cap, base·2^(attempt-1))).
 * Full jitter spreads many workers that failed together over the whole window instead of
 * having them retry in lock-step (AWS Architecture Blog, "Exponential Backoff And Jitter").
 *
 * @param attempt 1 for the delay after the first failure.
 * @param random  a function returning [0, 1), injectable for deterministic tests.
 */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Parses `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP-date.
 * Returns milliseconds to wait (never negative), or undefined when absent or unparseable.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined; // a bare negative or fractional number is not a date
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
