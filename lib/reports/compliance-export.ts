import { csvRow } from "@/lib/inventory/csv-cell";
import { FRAMEWORK_SHORT_NAMES } from "@/lib/reports/control-titles";
import type { ComplianceReport, ControlStatus, FindingCounts, RuleEvidence } from "@/lib/reports/compliance-types";

/** The report as one JSON document (the DTO as it is; docs/reports.md describes the fields). */
export function complianceReportJson(report: ComplianceReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export const CSV_COLUMNS = [
  "as_of",
  "framework",
  "control_id",
  "control_title",
  "control_status",
  "rule_id",
  "rule_title",
  "rule_severity",
  "owasp",
  "open",
  "open_critical",
  "open_high",
  "accepted",
  "suppressed",
  "resolved",
] as const;

type ControlLike = { id: string; title: string; status: ControlStatus; rules: RuleEvidence[] };

function rows(report: ComplianceReport, framework: string, controls: readonly ControlLike[]): string[] {
  const figures = (c: FindingCounts) => [c.open, c.openBySeverity.critical, c.openBySeverity.high, c.accepted, c.suppressed, c.resolved];
  return controls.flatMap((control) =>
    control.rules.map((rule) =>
      csvRow([report.asOf, framework, control.id, control.title, control.status, rule.id, rule.title, rule.severity, rule.owasp, ...figures(rule.counts)]),
    ),
  );
}

/**
 * The report as CSV: one row per (control × rule evidencing it), the OWASP NHI Top 10 categories
 * first (framework `owasp-nhi`), then each framework's controls. Every cell goes through the
 * spreadsheet-safe writer (lib/inventory/csv-cell.ts); CRLF line ends (RFC 4180).
 */
export function complianceReportCsv(report: ComplianceReport): string {
  return [
    csvRow(CSV_COLUMNS),
    ...rows(report, "owasp-nhi", report.owasp),
    ...report.frameworks.flatMap((framework) => rows(report, framework.id, framework.controls)),
  ].join("");
}

/** A download name such as `keyward-compliance-2026-06-30.pdf` (or `…-soc2-…`). */
export function reportFileName(report: ComplianceReport, extension: "json" | "csv" | "pdf"): string {
  const framework = report.framework ? `-${report.framework}` : "";
  return `keyward-compliance${framework}-${report.asOf.slice(0, 10)}.${extension}`;
}

export const frameworkLabel = (id: keyof typeof FRAMEWORK_SHORT_NAMES) => FRAMEWORK_SHORT_NAMES[id];
