import type { gaxios } from "google-auth-library";
import { parseRetryAfter } from "../../sdk";

/*
 * Retries are the SDK's (gaxios) job here: the guarded client hands every status back. Google
 * answers quota exhaustion with 429 RESOURCE_EXHAUSTED and transient faults with 5xx; both are
 * retried with gaxios' exponential backoff, stretched to the server's `Retry-After` when it sends
 * one (gaxios alone ignores it).
 */

/** Retries after the first attempt. */
export const GOOGLE_RETRIES = 4;
/** Largest honoured `Retry-After`, so one answer cannot park a sync for long. */
export const MAX_RETRY_AFTER_MS = 60_000;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

export function googleRetryConfig(signal: AbortSignal): gaxios.RetryConfig {
  return {
    retry: GOOGLE_RETRIES,
    // getIamPolicy is a POST that only reads, and the token request is safe to repeat.
    httpMethodsToRetry: ["GET", "POST"],
    statusCodesToRetry: [
      [429, 429],
      [500, 599],
    ],
    retryBackoff: async (error, defaultBackoffMs) => {
      const retryAfter = parseRetryAfter(error.response?.headers.get("retry-after"), Date.now());
      const wait = retryAfter === undefined ? defaultBackoffMs : Math.max(defaultBackoffMs, Math.min(retryAfter, MAX_RETRY_AFTER_MS));
      await sleep(wait, signal);
    },
  };
}
