import type { ComplianceReport } from "@/lib/reports/compliance-types";
import { FRAMEWORK_SHORT_NAMES } from "@/lib/reports/control-titles";

/*
 * The e-mail that carries the scheduled compliance report: a subject with the report's date and a
 * plain-text body with the headline figures, so a reader sees the posture before opening the PDF.
 * Pure: the figures come from the same DTO the attachments are rendered from.
 */

export type ReportEmailText = { subject: string; text: string };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function complianceReportEmail(report: ComplianceReport, attachmentNames: readonly string[], baseUrl: string | null): ReportEmailText {
  const subject = `Keyward compliance report — ${report.asOf.slice(0, 10)}`;
  const { totals, coverage } = report;
  const failingOwasp = report.owasp.filter((c) => c.status === "fail").length;
  const lines = [
    `Keyward compliance report as of ${report.asOf}`,
    "",
    `Open findings: ${totals.open} (critical ${totals.openBySeverity.critical}, high ${totals.openBySeverity.high})`,
    `Accepted risks: ${totals.accepted} · suppressed: ${totals.suppressed} · resolved: ${totals.resolved}`,
    `OWASP NHI Top 10: ${failingOwasp} of ${report.owasp.length} categories failing`,
    "",
    "Controls by framework (pass / partial / fail):",
    ...report.frameworks.map((f) => `- ${FRAMEWORK_SHORT_NAMES[f.id]}: ${f.statusCounts.pass} / ${f.statusCounts.partial} / ${f.statusCounts.fail}`),
    "",
    // A pass holds only for what the syncs could see (docs/reports.md): say so next to the numbers.
    `Coverage: ${coverage.sourcesWithGaps} of ${plural(coverage.sources.length, "source")} with gaps (${plural(coverage.gaps, "gap")})`,
    "",
    `Attached: ${attachmentNames.join(", ")}`,
    ...(baseUrl ? [`Open the report: ${baseUrl}/reports`] : []),
    "",
  ];
  return { subject, text: lines.join("\n") };
}
