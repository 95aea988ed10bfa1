import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/auth/page-guard";
import { buildComplianceReport, parseReportInstant, reportOptionsSchema } from "@/lib/reports/build-compliance-report";
import { FRAMEWORK_SHORT_NAMES } from "@/lib/reports/control-titles";
import { REPORT_FRAMEWORKS, type ComplianceReport } from "@/lib/reports/compliance-types";
import { AppError } from "@/lib/errors";
import { BarChartCard } from "@/components/charts/bar-chart-card";
import { TrendChartCard } from "@/components/charts/trend-chart-card";
import { KpiCard } from "@/components/dashboard/kpi-card";
import { ControlTable } from "@/components/reports/control-table";
import { CoverageTable } from "@/components/reports/coverage-table";
import { ExceptionsTable } from "@/components/reports/exceptions-table";
import { FrameworkStatusChart } from "@/components/reports/framework-status-chart";
import { ReportToolbar } from "@/components/reports/report-toolbar";
import { Card, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Reports" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const instant = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** Unresolved findings over time, all rules: each rule belongs to exactly one OWASP category. */
function totalTrend(report: ComplianceReport) {
  return report.trendPoints.map((at, i) => ({ day: at.slice(0, 10), unresolved: report.owasp.reduce((sum, c) => sum + (c.trend[i]?.unresolved ?? 0), 0) }));
}

export default async function ReportsPage({ searchParams }: { searchParams: SearchParams }) {
  const caller = await requirePageCaller("reports:export");
  const params = await searchParams;
  const parsed = reportOptionsSchema.safeParse({ asOf: first(params.asOf) || undefined, framework: first(params.framework) || undefined });
  const asOf = parsed.success ? (parsed.data.asOf ?? null) : null;
  const framework = parsed.success ? (parsed.data.framework ?? null) : null;
  const frameworks = REPORT_FRAMEWORKS.map((id) => ({ id, label: FRAMEWORK_SHORT_NAMES[id] }));
  const today = new Date().toISOString().slice(0, 10);

  let report: ComplianceReport | null = null;
  let problem = parsed.success ? null : parsed.error.issues[0]!.message;
  if (parsed.success) {
    try {
      report = await buildComplianceReport(caller, { asOf: asOf ? parseReportInstant(asOf) : undefined, framework: framework ?? undefined });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "INVALID_INPUT") throw error;
      problem = error.message;
    }
  }

  return (
    <>
      <PageHeader
        title="Compliance report"
        description="Posture against the OWASP NHI Top 10, NIST CSF 2.0, SOC 2, PCI DSS 4.0 and DORA: per control the rules that evidence it, their findings, the accepted risks and what the syncs could not see."
      />
      <ReportToolbar frameworks={frameworks} framework={framework} asOf={asOf} today={today} />
      {problem || !report ? (
        <Card className="p-6 text-sm text-danger" role="alert">
          {problem}
        </Card>
      ) : (
        <ReportBody report={report} />
      )}
    </>
  );
}

function ReportBody({ report }: { report: ComplianceReport }) {
  const t = report.totals;
  const severe = t.openBySeverity.critical + t.openBySeverity.high;
  return (
    <>
      <p className="-mt-1 mb-3 text-xs text-muted">
        As of {instant(report.asOf)} from the findings Keyward had recorded by then; status: fail with an open critical or high finding, partial
        with other open findings or exceptions, pass with none (docs/reports.md).
      </p>
      <div className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <KpiCard label="Open findings" value={t.open} detail={`${severe} critical or high`} href="/findings" />
        <KpiCard label="Accepted risks" value={report.exceptions.length} detail="in force, with expiry" />
        <KpiCard label="Suppressed" value={t.suppressed} detail="findings" />
        <KpiCard label="Resolved" value={t.resolved} detail="findings" />
        <KpiCard label="Sources with gaps" value={report.coverage.sourcesWithGaps} detail={`of ${report.coverage.sources.length} sources`} href="/sources" />
      </div>
      <div className="mb-4 grid gap-3 lg:grid-cols-2">
        <FrameworkStatusChart data={report.frameworks.map((f) => ({ framework: FRAMEWORK_SHORT_NAMES[f.id], ...f.statusCounts }))} />
        <BarChartCard
          title="Unresolved findings by OWASP NHI category"
          unit="open, and accepted or suppressed, at the instant"
          data={report.owasp.map((c) => ({ owasp: c.id, open: c.counts.open, exceptions: c.counts.accepted + c.counts.suppressed }))}
          categoryKey="owasp"
          valueKeys={[
            { key: "open", label: "Open", color: "var(--sev-high)" },
            { key: "exceptions", label: "Accepted or suppressed", color: "var(--sev-info)" },
          ]}
          links={Object.fromEntries(report.owasp.map((c) => [c.id, `/findings?${new URLSearchParams({ owasp: c.id })}`]))}
        />
        <TrendChartCard
          title="Unresolved findings"
          unit={`weekly, ${report.trendPoints.length} weeks up to the instant`}
          data={totalTrend(report)}
          series={[{ key: "unresolved", label: "Unresolved findings", color: "var(--sev-high)" }]}
        />
        {report.frameworks.length === 1 ? (
          <BarChartCard
            title={`${FRAMEWORK_SHORT_NAMES[report.frameworks[0]!.id]}: findings per control`}
            unit="open, and accepted or suppressed"
            data={report.frameworks[0]!.controls.map((c) => ({ control: c.id, open: c.counts.open, exceptions: c.counts.accepted + c.counts.suppressed }))}
            categoryKey="control"
            valueKeys={[
              { key: "open", label: "Open", color: "var(--sev-high)" },
              { key: "exceptions", label: "Accepted or suppressed", color: "var(--sev-info)" },
            ]}
          />
        ) : null}
      </div>
      <div className="space-y-4">
        <ControlTable title="OWASP NHI Top 10 (2025)" description="per category, the rules that detect it" controls={report.owasp} idLabel="Category" />
        {report.frameworks.map((f) => (
          <ControlTable
            key={f.id}
            title={FRAMEWORK_SHORT_NAMES[f.id]}
            description={`${f.name}: ${f.statusCounts.pass} pass, ${f.statusCounts.partial} partial, ${f.statusCounts.fail} fail`}
            controls={f.controls}
          />
        ))}
        <ExceptionsTable exceptions={report.exceptions} />
        <CoverageTable sources={report.coverage.sources} />
      </div>
    </>
  );
}
