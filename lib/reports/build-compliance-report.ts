import "server-only";
import { z } from "zod";
import { requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getCatalogue, OWASP_CATEGORIES, type PolicyRule } from "@/lib/policy/catalogue";
import { inTransaction, type SqlExecutor, type SqlTarget } from "@/lib/policy/sql-executor";
import { addCounts, controlStatus, emptyCounts } from "@/lib/reports/control-status";
import { compareControlIds, controlTitle, OWASP_TITLES } from "@/lib/reports/control-titles";
import { COUNTS_BY_RULE, COVERAGE_AT, EXCEPTIONS_AT, trendByRuleSql } from "@/lib/reports/compliance-sql";
import {
  REPORT_FRAMEWORKS,
  REPORT_SEVERITIES,
  type ComplianceReport,
  type ControlReport,
  type CoverageGap,
  type FindingCounts,
  type FrameworkReport,
  type ReportFrameworkId,
  type ReportSeverity,
  type RuleEvidence,
  type SourceCoverage,
  type TrendPoint,
} from "@/lib/reports/compliance-types";

export type ComplianceReportOptions = {
  /** The instant reported on; defaults to now. Must not lie in the future. */
  asOf?: Date;
  /** One framework; all four when unset. The OWASP NHI Top 10 summary is always included. */
  framework?: ReportFrameworkId;
};

/** Trend: this many weekly points ending at the instant. */
export const TREND_POINTS = 12;
const WEEK_MS = 7 * 86_400_000;

/** The future is not an audit instant; a minute of clock skew between machines is tolerated. */
const FUTURE_TOLERANCE_MS = 60_000;

export function trendInstants(asOf: Date, points = TREND_POINTS): Date[] {
  return Array.from({ length: points }, (_, i) => new Date(asOf.getTime() - (points - 1 - i) * WEEK_MS));
}

function checkOptions(options: ComplianceReportOptions, now: Date): { asOf: Date; framework: ReportFrameworkId | null } {
  const asOf = options.asOf ?? now;
  if (Number.isNaN(asOf.getTime())) throw new AppError("INVALID_INPUT", "asOf is not a valid instant.", "asOf");
  if (asOf.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new AppError("INVALID_INPUT", "asOf lies in the future; a report covers what was recorded up to an instant.", "asOf");
  }
  if (options.framework !== undefined && !(REPORT_FRAMEWORKS as readonly string[]).includes(options.framework)) {
    throw new AppError("INVALID_INPUT", `framework must be one of ${REPORT_FRAMEWORKS.join(", ")}.`, "framework");
  }
  return { asOf, framework: options.framework ?? null };
}

type CountRow = { rule: string; severity: string; status: string; n: number };

function countsByRule(rows: readonly CountRow[]): Map<string, FindingCounts> {
  const byRule = new Map<string, FindingCounts>();
  for (const row of rows) {
    const counts = byRule.get(row.rule) ?? emptyCounts();
    byRule.set(row.rule, counts);
    const n = Number(row.n);
    if (row.status === "open") {
      counts.open += n;
      const severity = (REPORT_SEVERITIES as readonly string[]).includes(row.severity) ? (row.severity as ReportSeverity) : "info";
      counts.openBySeverity[severity] += n;
    } else if (row.status === "accepted") counts.accepted += n;
    else if (row.status === "suppressed") counts.suppressed += n;
    else counts.resolved += n;
  }
  return byRule;
}

type Group = { id: string; title: string; rules: PolicyRule[] };

function summarise(group: Group, counts: Map<string, FindingCounts>, trends: Map<string, number[]>, instants: Date[]) {
  const rules: RuleEvidence[] = group.rules.map((rule) => ({
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    owasp: rule.owasp,
    counts: addCounts(emptyCounts(), counts.get(rule.id) ?? emptyCounts()),
  }));
  const total = rules.reduce((sum, rule) => addCounts(sum, rule.counts), emptyCounts());
  const trend: TrendPoint[] = instants.map((at, i) => ({
    at: at.toISOString(),
    unresolved: group.rules.reduce((sum, rule) => sum + (trends.get(rule.id)?.[i] ?? 0), 0),
  }));
  return { id: group.id, title: group.title, status: controlStatus(total), rules, counts: total, trend };
}

function frameworkReport(id: ReportFrameworkId, name: string, catalogueRules: readonly PolicyRule[], counts: Map<string, FindingCounts>, trends: Map<string, number[]>, instants: Date[]): FrameworkReport {
  const byControl = new Map<string, PolicyRule[]>();
  for (const rule of catalogueRules) {
    for (const control of rule.controls[id]) byControl.set(control, [...(byControl.get(control) ?? []), rule]);
  }
  const controls: ControlReport[] = [...byControl.keys()]
    .sort(compareControlIds)
    .map((control) => summarise({ id: control, title: controlTitle(id, control), rules: byControl.get(control)! }, counts, trends, instants));
  const statusCounts = { pass: 0, partial: 0, fail: 0 };
  for (const control of controls) statusCounts[control.status] += 1;
  return { id, name, controls, statusCounts };
}

const gapsOf = (value: unknown): CoverageGap[] =>
  Array.isArray(value)
    ? value.map((g: Record<string, unknown>) => ({ scope: String(g.scope ?? ""), stream: String(g.stream ?? ""), reason: String(g.reason ?? ""), detail: String(g.detail ?? "") }))
    : [];

/** A source needs attention when its latest finished run by the instant had gaps, did not succeed, or is missing. */
export const sourceHasGaps = (source: SourceCoverage) => source.run === null || source.run.status !== "succeeded" || source.gaps.length > 0;

/**
 * Computes the report in one read-only, repeatable-read snapshot. No permission check: callers are
 * buildComplianceReport (which checks) and the benchmark.
 */
export async function computeComplianceReport(target: SqlTarget, options: ComplianceReportOptions = {}, now = new Date()): Promise<ComplianceReport> {
  const { asOf, framework } = checkOptions(options, now);
  const catalogue = getCatalogue();
  const instants = trendInstants(asOf);
  return inTransaction(
    target,
    async (executor: SqlExecutor) => {
      const countRows = await executor.query<CountRow>(COUNTS_BY_RULE, [asOf]);
      const trendRows = await executor.query<Record<string, number | string>>(trendByRuleSql(instants.length), [instants]);
      const exceptionRows = await executor.query<{
        finding_id: string; rule: string; severity: string; subject_type: string; subject_id: string; subject_name: string | null;
        justification: string | null; accepted_at: Date; accepted_by: string; accepted_until: Date;
      }>(EXCEPTIONS_AT, [asOf]);
      const coverageRows = await executor.query<{
        source_id: string; name: string; provider: string; run_id: string | null; status: string | null; mode: string | null;
        started_at: Date | null; finished_at: Date | null; coverage_gaps: unknown;
      }>(COVERAGE_AT, [asOf]);

      const counts = countsByRule(countRows);
      const trends = new Map(trendRows.map((row) => [String(row.rule), instants.map((_, i) => Number(row[`p${i}`] ?? 0))]));
      const ruleTitles = new Map(catalogue.rules.map((rule) => [rule.id, rule.title]));
      const owasp = OWASP_CATEGORIES.map((category) =>
        summarise({ id: category, title: OWASP_TITLES[category] ?? category, rules: catalogue.rules.filter((r) => r.owasp === category) }, counts, trends, instants),
      );
      const frameworks = REPORT_FRAMEWORKS.filter((id) => framework === null || id === framework).map((id) =>
        frameworkReport(id, catalogue.frameworks[id] ?? id, catalogue.rules, counts, trends, instants),
      );
      const sources: SourceCoverage[] = coverageRows.map((row) => ({
        sourceId: row.source_id,
        sourceName: row.name,
        provider: row.provider,
        run: row.run_id
          ? { id: row.run_id, status: row.status!, mode: row.mode!, startedAt: row.started_at!.toISOString(), finishedAt: row.finished_at!.toISOString() }
          : null,
        gaps: gapsOf(row.coverage_gaps),
      }));
      // Findings of rules no longer in the catalogue still count in the totals: nothing is hidden.
      const totals = [...counts.values()].reduce((sum, c) => addCounts(sum, c), emptyCounts());
      return {
        generatedAt: now.toISOString(),
        asOf: asOf.toISOString(),
        framework,
        totals,
        trendPoints: instants.map((i) => i.toISOString()),
        owasp,
        frameworks,
        exceptions: exceptionRows.map((row) => ({
          findingId: row.finding_id,
          rule: row.rule,
          ruleTitle: ruleTitles.get(row.rule) ?? row.rule,
          severity: row.severity,
          subjectType: row.subject_type,
          subjectId: row.subject_id,
          subjectName: row.subject_name,
          justification: row.justification ?? "",
          acceptedAt: row.accepted_at.toISOString(),
          acceptedBy: row.accepted_by,
          expiresAt: row.accepted_until.toISOString(),
        })),
        coverage: {
          sources,
          sourcesWithGaps: sources.filter(sourceHasGaps).length,
          gaps: sources.reduce((sum, s) => sum + s.gaps.length, 0),
        },
      };
    },
    { readOnly: true },
  );
}

const INSTANT = z.iso.datetime({ offset: true });
const DATE = z.iso.date();

/** Query / CLI input: `asOf` (an instant with a zone, or a date) and `framework`, each error naming its field. */
export const reportOptionsSchema = z.object({
  asOf: z
    .string()
    .refine((v) => INSTANT.safeParse(v).success || DATE.safeParse(v).success, {
      message: "asOf must be an ISO-8601 instant with a time zone (2026-06-30T00:00:00Z) or a date (2026-06-30)",
    })
    .optional(),
  framework: z.enum(REPORT_FRAMEWORKS, { message: `framework must be one of ${REPORT_FRAMEWORKS.join(", ")}` }).optional(),
});

/**
 * `asOf` as given by a person: an instant with a zone, or a calendar date meaning the end of that
 * day in UTC (what "the posture on 30 June" means to an auditor); today's date means now.
 */
export function parseReportInstant(value: string, now = new Date()): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(value);
  const endOfDay = new Date(`${value}T23:59:59.999Z`);
  return endOfDay > now ? now : endOfDay;
}

/** The compliance report as of an instant, for a caller allowed to export reports. */
export async function buildComplianceReport(caller: Caller, options: ComplianceReportOptions = {}): Promise<ComplianceReport> {
  requirePermission(caller, "reports:export");
  return computeComplianceReport(getDb(), options);
}
