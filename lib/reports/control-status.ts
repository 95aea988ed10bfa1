import type { ControlStatus, FindingCounts, ReportSeverity } from "@/lib/reports/compliance-types";
import { REPORT_SEVERITIES } from "@/lib/reports/compliance-types";

/** Open findings of these severities fail a control outright. */
export const FAILING_SEVERITIES: readonly ReportSeverity[] = ["critical", "high"];

/**
 * The status of a control (or an OWASP category) from its findings at the instant:
 *   fail     at least one open finding of severity critical or high;
 *   partial  otherwise, at least one open finding (medium, low, info), accepted risk or suppression;
 *   pass     no unresolved finding at all.
 * Accepted and suppressed findings keep a control at partial: an exception is not compliance.
 */
export function controlStatus(counts: FindingCounts): ControlStatus {
  if (FAILING_SEVERITIES.some((severity) => counts.openBySeverity[severity] > 0)) return "fail";
  if (counts.open + counts.accepted + counts.suppressed > 0) return "partial";
  return "pass";
}

export function emptyCounts(): FindingCounts {
  return {
    open: 0,
    openBySeverity: Object.fromEntries(REPORT_SEVERITIES.map((s) => [s, 0])) as Record<ReportSeverity, number>,
    accepted: 0,
    suppressed: 0,
    resolved: 0,
  };
}

/** Adds `more` into `into` (mutates and returns `into`). */
export function addCounts(into: FindingCounts, more: FindingCounts): FindingCounts {
  into.open += more.open;
  into.accepted += more.accepted;
  into.suppressed += more.suppressed;
  into.resolved += more.resolved;
  for (const severity of REPORT_SEVERITIES) into.openBySeverity[severity] += more.openBySeverity[severity];
  return into;
}
