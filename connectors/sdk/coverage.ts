import { HttpError, TimeoutError } from "./http-errors";
import type { CoverageGapReason } from "./record-enums";
import type { CoverageGap } from "./records";

/** Longest `detail` kept on a gap: enough to diagnose, short enough for a table cell. */
export const COVERAGE_DETAIL_MAX_CHARS = 300;

/** HTTP statuses meaning "these credentials may not see this". */
const DENIED_STATUSES: ReadonlySet<number> = new Set([401, 403]);

/** Maps a listing failure to the reason shown next to the numbers ("honest coverage"). */
export function coverageReasonOf(error: unknown): CoverageGapReason {
  if (error instanceof HttpError && DENIED_STATUSES.has(error.status)) return "permission_denied";
  if (error instanceof TimeoutError) return "timeout";
  const code = (error as { name?: string; Code?: string } | null)?.name;
  // AWS SDK v3 and similar SDKs name authorisation failures in the error name.
  if (code && /AccessDenied|Forbidden|Unauthorized|PermissionDenied/i.test(code)) return "permission_denied";
  return "error";
}

/**
 * Builds a coverage gap from an error. The detail is the error's message, which for SDK errors
 * is already redacted; provider SDK messages are truncated because some echo request data.
 */
export function coverageGapFromError(scope: string, stream: string, error: unknown): CoverageGap {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : "unknown error";
  return {
    scope,
    stream,
    reason: coverageReasonOf(error),
    detail: message.length > COVERAGE_DETAIL_MAX_CHARS ? `${message.slice(0, COVERAGE_DETAIL_MAX_CHARS - 1)}…` : message,
  };
}
