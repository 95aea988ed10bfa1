/**
 * The compliance report as data (a DTO): what the web page, the JSON, the CSV and the PDF all show.
 * Plain types only, so components and the PDF renderer can import them without the data layer.
 */

export const REPORT_FRAMEWORKS = ["nist-csf-2.0", "soc2", "pci-dss-4.0", "dora"] as const;
export type ReportFrameworkId = (typeof REPORT_FRAMEWORKS)[number];

export const REPORT_SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export type ReportSeverity = (typeof REPORT_SEVERITIES)[number];

/** pass / partial / fail by the rule in lib/reports/control-status.ts (docs/reports.md). */
export type ControlStatus = "pass" | "partial" | "fail";

/** Findings by their status at the report's instant (docs/reports.md "As of"). */
export type FindingCounts = {
  open: number;
  /** Open findings per severity (sums to `open`). */
  openBySeverity: Record<ReportSeverity, number>;
  /** Accepted risks in force at the instant. */
  accepted: number;
  suppressed: number;
  /** Resolved at or before the instant (and not seen again since). */
  resolved: number;
};

/** Findings not resolved at a point in time (open + accepted + suppressed). */
export type TrendPoint = { at: string; unresolved: number };

export type RuleEvidence = {
  id: string;
  title: string;
  severity: string;
  owasp: string;
  counts: FindingCounts;
};

export type ControlReport = {
  id: string;
  title: string;
  status: ControlStatus;
  /** The rules that evidence this control, each with its own counts. */
  rules: RuleEvidence[];
  counts: FindingCounts;
  trend: TrendPoint[];
};

export type FrameworkReport = {
  id: ReportFrameworkId;
  name: string;
  controls: ControlReport[];
  statusCounts: Record<ControlStatus, number>;
};

export type OwaspCategoryReport = {
  id: string;
  title: string;
  status: ControlStatus;
  rules: RuleEvidence[];
  counts: FindingCounts;
  trend: TrendPoint[];
};

/** An accepted risk in force at the instant. */
export type ReportException = {
  findingId: string;
  rule: string;
  ruleTitle: string;
  severity: string;
  subjectType: string;
  subjectId: string;
  subjectName: string | null;
  justification: string;
  acceptedAt: string;
  acceptedBy: string;
  expiresAt: string;
};

export type CoverageGap = { scope: string; stream: string; reason: string; detail: string };

/** One source's view as of the instant: its latest finished sync run then, and what it could not see. */
export type SourceCoverage = {
  sourceId: string;
  sourceName: string;
  provider: string;
  /** Null: no sync of this source had finished by the instant. */
  run: { id: string; status: string; mode: string; startedAt: string; finishedAt: string } | null;
  gaps: CoverageGap[];
};

export type ComplianceReport = {
  generatedAt: string;
  asOf: string;
  /** The framework asked for, or null for all of them. */
  framework: ReportFrameworkId | null;
  /** Every recorded finding's status at the instant, across all rules. */
  totals: FindingCounts;
  /** Instants of the trend points (weekly, the last one is `asOf`). */
  trendPoints: string[];
  owasp: OwaspCategoryReport[];
  frameworks: FrameworkReport[];
  exceptions: ReportException[];
  coverage: {
    sources: SourceCoverage[];
    /** Sources with at least one gap, a non-succeeded latest run, or no finished run. */
    sourcesWithGaps: number;
    gaps: number;
  };
};
