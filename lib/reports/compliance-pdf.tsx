import { Document, Page, Polyline, Rect, renderToBuffer, StyleSheet, Svg, Text, View } from "@react-pdf/renderer";
import type { ComponentProps, ReactNode } from "react";
import { keepWordsWhole, PDF_COLORS } from "@/lib/pdf/pdf-theme";
import { FRAMEWORK_SHORT_NAMES } from "@/lib/reports/control-titles";
import type { ComplianceReport, ControlStatus, FindingCounts, FrameworkReport, TrendPoint } from "@/lib/reports/compliance-types";

/*
 * The compliance report as a PDF (@react-pdf/renderer, built-in Helvetica: nothing downloaded).
 * Pure: DTO in, bytes out. Not `server-only`: react-pdf needs React's client build, which a process
 * running with the `react-server` condition (the CLI, Next's server layer) does not have there;
 * lib/pdf/render-pdf.ts then renders it in a child process (docs/reports.md).
 */

keepWordsWhole();

const COLORS = {
  ...PDF_COLORS,
  other: "#d97706",
  exception: "#94a3b8",
  pass: "#15803d",
  partial: "#b45309",
  fail: "#b91c1c",
};

/** react-pdf's style prop type, without importing its internal types package. */
type Style = NonNullable<ComponentProps<typeof View>["style"]>;

const STATUS_LABEL: Record<ControlStatus, string> = { pass: "PASS", partial: "PARTIAL", fail: "FAIL" };

export const PDF_SECTION_TITLES = {
  summary: "Posture summary",
  owasp: "OWASP NHI Top 10 (2025)",
  exceptions: "Open exceptions (accepted risks)",
  coverage: "Coverage gaps: what we could not see",
} as const;

/** The heading of a framework's section in the PDF. */
export const frameworkHeading = (framework: FrameworkReport) => FRAMEWORK_SHORT_NAMES[framework.id];

/** Rows of the exceptions table in the PDF; the JSON and CSV carry every one. */
export const PDF_EXCEPTION_ROWS = 200;

const number = new Intl.NumberFormat("en-US");
export const formatCount = (n: number) => number.format(n);
export const formatInstant = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

const s = StyleSheet.create({
  page: { paddingTop: 36, paddingBottom: 48, paddingHorizontal: 36, fontFamily: "Helvetica", fontSize: 8, color: COLORS.fg },
  brand: { fontSize: 9, color: COLORS.accent, fontFamily: "Helvetica-Bold", letterSpacing: 1 },
  title: { fontSize: 24, fontFamily: "Helvetica-Bold", marginTop: 6 },
  subtitle: { fontSize: 10, color: COLORS.muted, marginTop: 4 },
  h1: { fontSize: 14, fontFamily: "Helvetica-Bold", marginBottom: 4 },
  h2: { fontSize: 10, fontFamily: "Helvetica-Bold", marginTop: 12, marginBottom: 4 },
  note: { fontSize: 7.5, color: COLORS.muted, marginBottom: 6, lineHeight: 1.35 },
  kpis: { flexDirection: "row", marginTop: 16, marginBottom: 8 },
  kpi: { flexGrow: 1, flexBasis: 0, borderWidth: 1, borderColor: COLORS.border, borderRadius: 4, padding: 8, marginRight: 6, backgroundColor: COLORS.surface },
  kpiValue: { fontSize: 16, fontFamily: "Helvetica-Bold" },
  kpiLabel: { fontSize: 7, color: COLORS.muted, marginTop: 2 },
  table: { borderTopWidth: 1, borderColor: COLORS.border },
  row: { flexDirection: "row", borderBottomWidth: 1, borderColor: COLORS.border, paddingVertical: 3, alignItems: "flex-start" },
  headRow: { flexDirection: "row", borderBottomWidth: 1, borderColor: COLORS.fg, paddingVertical: 3, backgroundColor: COLORS.surface },
  head: { fontFamily: "Helvetica-Bold", fontSize: 7 },
  num: { textAlign: "right", paddingRight: 4 },
  small: { fontSize: 6.5, color: COLORS.muted, marginTop: 1 },
  box: { borderWidth: 1, borderColor: COLORS.border, borderRadius: 4, padding: 8, marginTop: 10, backgroundColor: COLORS.surface },
  footer: { position: "absolute", bottom: 20, left: 36, right: 36, flexDirection: "row", justifyContent: "space-between", fontSize: 7, color: COLORS.muted },
});

function Status({ status }: { status: ControlStatus }) {
  return <Text style={{ color: COLORS[status], fontFamily: "Helvetica-Bold" }}>{STATUS_LABEL[status]}</Text>;
}

function Cell({ width, children, numeric, style }: { width: number; children: ReactNode; numeric?: boolean; style?: Style }) {
  return <View style={[{ width }, numeric ? s.num : { paddingRight: 4 }, style ?? {}]}>{typeof children === "string" || typeof children === "number" ? <Text>{children}</Text> : children}</View>;
}

function HeadCell({ width, children, numeric }: { width: number; children: string; numeric?: boolean }) {
  return (
    <View style={[{ width }, numeric ? s.num : { paddingRight: 4 }]}>
      <Text style={s.head}>{children}</Text>
    </View>
  );
}

/** A tiny line of unresolved findings over the trend points. */
function Sparkline({ trend, width, height }: { trend: TrendPoint[]; width: number; height: number }) {
  const max = Math.max(1, ...trend.map((p) => p.unresolved));
  const step = trend.length > 1 ? (width - 2) / (trend.length - 1) : 0;
  const points = trend.map((p, i) => `${(1 + i * step).toFixed(1)},${(height - 1 - (p.unresolved / max) * (height - 2)).toFixed(1)}`).join(" ");
  return (
    <Svg width={width} height={height}>
      <Rect x={0} y={height - 0.5} width={width} height={0.5} fill={COLORS.border} />
      <Polyline points={points} stroke={COLORS.accent} strokeWidth={1} fill="none" />
    </Svg>
  );
}

/** One horizontal stacked bar per row, drawn as SVG: open critical/high, other open, exceptions. */
function ControlBars({ rows, labelWidth }: { rows: Array<{ label: string; counts: FindingCounts }>; labelWidth: number }) {
  const barWidth = 523 - labelWidth - 40;
  const max = Math.max(1, ...rows.map((r) => r.counts.open + r.counts.accepted + r.counts.suppressed));
  return (
    <View style={{ marginBottom: 8 }}>
      {rows.map((row) => {
        const severe = row.counts.openBySeverity.critical + row.counts.openBySeverity.high;
        const segments = [
          { n: severe, color: COLORS.critical },
          { n: row.counts.open - severe, color: COLORS.other },
          { n: row.counts.accepted + row.counts.suppressed, color: COLORS.exception },
        ];
        let x = 0;
        const total = row.counts.open + row.counts.accepted + row.counts.suppressed;
        return (
          <View key={row.label} style={{ flexDirection: "row", alignItems: "center", height: 11 }}>
            <Text style={{ width: labelWidth, fontSize: 6.5, color: COLORS.muted }}>{row.label}</Text>
            <Svg width={barWidth} height={8}>
              <Rect x={0} y={0} width={barWidth} height={8} fill={COLORS.surface} />
              {segments.map((segment, i) => {
                const w = (segment.n / max) * barWidth;
                const rect = segment.n > 0 ? <Rect key={i} x={x} y={0} width={Math.max(w, 0.8)} height={8} fill={segment.color} /> : null;
                x += w;
                return rect;
              })}
            </Svg>
            <Text style={{ width: 40, fontSize: 6.5, textAlign: "right", color: COLORS.muted }}>{formatCount(total)}</Text>
          </View>
        );
      })}
      <View style={{ flexDirection: "row", marginTop: 3 }}>
        {[
          ["Open critical/high", COLORS.critical],
          ["Open medium/low/info", COLORS.other],
          ["Accepted or suppressed", COLORS.exception],
        ].map(([label, color]) => (
          <View key={label} style={{ flexDirection: "row", alignItems: "center", marginRight: 12 }}>
            <Svg width={7} height={7}>
              <Rect x={0} y={0} width={7} height={7} fill={color!} />
            </Svg>
            <Text style={{ fontSize: 6.5, color: COLORS.muted, marginLeft: 3 }}>{label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** Pass / partial / fail shares of a framework's controls as one stacked SVG bar. */
function StatusBar({ counts, width }: { counts: Record<ControlStatus, number>; width: number }) {
  const total = Math.max(1, counts.pass + counts.partial + counts.fail);
  let x = 0;
  return (
    <Svg width={width} height={9}>
      {(["pass", "partial", "fail"] as const).map((status) => {
        const w = (counts[status] / total) * width;
        const rect = counts[status] > 0 ? <Rect key={status} x={x} y={0} width={w} height={9} fill={COLORS[status]} /> : null;
        x += w;
        return rect;
      })}
    </Svg>
  );
}

const COUNT_COLUMNS = [
  { label: "Open", width: 34, value: (c: FindingCounts) => c.open },
  { label: "Crit/high", width: 38, value: (c: FindingCounts) => c.openBySeverity.critical + c.openBySeverity.high },
  { label: "Accepted", width: 40, value: (c: FindingCounts) => c.accepted },
  { label: "Suppressed", width: 44, value: (c: FindingCounts) => c.suppressed },
  { label: "Resolved", width: 40, value: (c: FindingCounts) => c.resolved },
];

/** The control table of a framework (or the OWASP categories): one row per control, numbers on its first line. */
function ControlTable({ controls, idLabel }: { controls: Array<{ id: string; title: string; status: ControlStatus; counts: FindingCounts; trend: TrendPoint[]; rules: { id: string }[] }>; idLabel: string }) {
  return (
    <View style={s.table}>
      <View style={s.headRow} fixed>
        <HeadCell width={58}>{idLabel}</HeadCell>
        <HeadCell width={185}>Title and evidencing rules</HeadCell>
        {COUNT_COLUMNS.map((c) => (
          <HeadCell key={c.label} width={c.width} numeric>
            {c.label}
          </HeadCell>
        ))}
        <HeadCell width={42}>Trend</HeadCell>
        <HeadCell width={40}>Status</HeadCell>
      </View>
      {controls.map((control) => (
        <View key={control.id} style={s.row} wrap={false}>
          <Cell width={58} style={{ fontFamily: "Helvetica-Bold" }}>
            {control.id}
          </Cell>
          <View style={{ width: 185, paddingRight: 4 }}>
            <Text>{control.title}</Text>
            <Text style={s.small}>{control.rules.map((r) => r.id).join(", ")}</Text>
          </View>
          {COUNT_COLUMNS.map((c) => (
            <Cell key={c.label} width={c.width} numeric>
              {formatCount(c.value(control.counts))}
            </Cell>
          ))}
          <View style={{ width: 42, paddingTop: 1 }}>
            <Sparkline trend={control.trend} width={36} height={10} />
          </View>
          <Cell width={40}>
            <Status status={control.status} />
          </Cell>
        </View>
      ))}
    </View>
  );
}

function Footer({ report }: { report: ComplianceReport }) {
  return (
    <View style={s.footer} fixed>
      <Text>Keyward compliance report · as of {formatInstant(report.asOf)} · generated {formatInstant(report.generatedAt)}</Text>
      <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
    </View>
  );
}

function Kpi({ value, label, detail, color }: { value: string; label: string; detail: string; color?: string }) {
  return (
    <View style={s.kpi}>
      <Text style={[s.kpiValue, color ? { color } : {}]}>{value}</Text>
      <Text style={[s.kpiLabel, { color: COLORS.fg }]}>{label}</Text>
      <Text style={s.kpiLabel}>{detail}</Text>
    </View>
  );
}

function Cover({ report }: { report: ComplianceReport }) {
  const t = report.totals;
  const severe = t.openBySeverity.critical + t.openBySeverity.high;
  return (
    <View>
      <Text style={s.brand}>KEYWARD</Text>
      <Text style={s.title}>Compliance report</Text>
      <Text style={s.subtitle}>
        Non-human identity posture as of {formatInstant(report.asOf)} ·{" "}
        {report.framework ? FRAMEWORK_SHORT_NAMES[report.framework] : "OWASP NHI Top 10, NIST CSF 2.0, SOC 2, PCI DSS 4.0, DORA"}
      </Text>
      <Text style={[s.h2, { marginTop: 18 }]}>{PDF_SECTION_TITLES.summary}</Text>
      <View style={s.kpis}>
        <Kpi value={formatCount(t.open)} label="Open findings" detail={`${formatCount(severe)} critical or high`} color={severe > 0 ? COLORS.fail : undefined} />
        <Kpi value={formatCount(report.exceptions.length)} label="Accepted risks" detail="in force, with expiry" />
        <Kpi value={formatCount(t.suppressed)} label="Suppressed" detail="findings" />
        <Kpi value={formatCount(t.resolved)} label="Resolved" detail="findings" />
        <Kpi
          value={formatCount(report.coverage.sourcesWithGaps)}
          label="Sources with gaps"
          detail={`of ${formatCount(report.coverage.sources.length)} sources`}
          color={report.coverage.sourcesWithGaps > 0 ? COLORS.partial : undefined}
        />
      </View>
      <View style={s.table}>
        <View style={s.headRow}>
          <HeadCell width={150}>Framework</HeadCell>
          <HeadCell width={50} numeric>Controls</HeadCell>
          <HeadCell width={40} numeric>Pass</HeadCell>
          <HeadCell width={45} numeric>Partial</HeadCell>
          <HeadCell width={40} numeric>Fail</HeadCell>
          <HeadCell width={190}>Share of controls</HeadCell>
        </View>
        {report.frameworks.map((f) => (
          <View key={f.id} style={s.row}>
            <Cell width={150} style={{ fontFamily: "Helvetica-Bold" }}>{FRAMEWORK_SHORT_NAMES[f.id]}</Cell>
            <Cell width={50} numeric>{formatCount(f.controls.length)}</Cell>
            <Cell width={40} numeric>{formatCount(f.statusCounts.pass)}</Cell>
            <Cell width={45} numeric>{formatCount(f.statusCounts.partial)}</Cell>
            <Cell width={40} numeric>{formatCount(f.statusCounts.fail)}</Cell>
            <View style={{ width: 190, paddingTop: 1 }}>
              <StatusBar counts={f.statusCounts} width={180} />
            </View>
          </View>
        ))}
      </View>
      <View style={{ flexDirection: "row", marginTop: 4 }}>
        {(["pass", "partial", "fail"] as const).map((status) => (
          <View key={status} style={{ flexDirection: "row", alignItems: "center", marginRight: 12 }}>
            <Svg width={7} height={7}>
              <Rect x={0} y={0} width={7} height={7} fill={COLORS[status]} />
            </Svg>
            <Text style={{ fontSize: 6.5, color: COLORS.muted, marginLeft: 3 }}>{`${STATUS_LABEL[status].toLowerCase()} controls`}</Text>
          </View>
        ))}
      </View>
      <Text style={s.h2}>Unresolved findings per OWASP NHI category</Text>
      <ControlBars rows={report.owasp.map((c) => ({ label: `${c.id} ${c.title}`, counts: c.counts }))} labelWidth={150} />
      <View style={s.box}>
        <Text style={[s.head, { marginBottom: 3 }]}>How to read this report</Text>
        <Text style={s.note}>
          Status per control: FAIL when an open finding of severity critical or high evidences it; PARTIAL when only medium, low or info
          findings are open, or risks are accepted or suppressed; PASS when no finding is unresolved. Every figure is as of the instant
          above, from Keyward&apos;s recorded findings: a finding counts once it was first seen by then, and as resolved only if it was
          resolved by then. Trend lines show unresolved findings weekly over the 12 weeks up to the instant. A PASS covers only what the
          syncs could see: read it together with the coverage gaps at the end.
        </Text>
      </View>
    </View>
  );
}

function ExceptionsTable({ report }: { report: ComplianceReport }) {
  const rows = report.exceptions.slice(0, PDF_EXCEPTION_ROWS);
  if (rows.length === 0) return <Text style={s.note}>No accepted risks were in force at this instant.</Text>;
  return (
    <View style={s.table}>
      <View style={s.headRow} fixed>
        <HeadCell width={82}>Rule</HeadCell>
        <HeadCell width={78}>Subject</HeadCell>
        <HeadCell width={36}>Severity</HeadCell>
        <HeadCell width={125}>Justification</HeadCell>
        <HeadCell width={110}>Accepted by</HeadCell>
        <HeadCell width={92}>Accepted / expires</HeadCell>
      </View>
      {rows.map((e) => (
        <View key={e.findingId} style={s.row} wrap={false}>
          <Cell width={82}>{e.rule}</Cell>
          <Cell width={78}>{`${e.subjectType}: ${e.subjectName ?? e.subjectId}`}</Cell>
          <Cell width={36}>{e.severity}</Cell>
          <Cell width={125}>{e.justification}</Cell>
          <Cell width={110} style={{ fontSize: 7 }}>{e.acceptedBy}</Cell>
          <View style={{ width: 92, fontSize: 7 }}>
            <Text>{formatInstant(e.acceptedAt)}</Text>
            <Text style={{ color: COLORS.partial }}>{`until ${formatInstant(e.expiresAt)}`}</Text>
          </View>
        </View>
      ))}
      {report.exceptions.length > rows.length ? (
        <Text style={[s.note, { marginTop: 4 }]}>
          {formatCount(report.exceptions.length - rows.length)} more accepted risks are listed in the JSON and CSV exports.
        </Text>
      ) : null}
    </View>
  );
}

function CoverageTable({ report }: { report: ComplianceReport }) {
  if (report.coverage.sources.length === 0) return <Text style={s.note}>No sources were configured at this instant: nothing was seen.</Text>;
  return (
    <View style={s.table}>
      <View style={s.headRow} fixed>
        <HeadCell width={110}>Source</HeadCell>
        <HeadCell width={120}>Latest finished sync by then</HeadCell>
        <HeadCell width={293}>What it could not see</HeadCell>
      </View>
      {report.coverage.sources.map((source) => (
        <View key={source.sourceId} style={s.row} wrap={false}>
          <View style={{ width: 110, paddingRight: 4 }}>
            <Text style={{ fontFamily: "Helvetica-Bold" }}>{source.sourceName}</Text>
            <Text style={s.small}>{source.provider}</Text>
          </View>
          <View style={{ width: 120, paddingRight: 4 }}>
            {source.run ? (
              <>
                <Text style={{ color: source.run.status === "succeeded" ? COLORS.fg : COLORS.partial }}>{`${source.run.status} (${source.run.mode})`}</Text>
                <Text style={s.small}>{formatInstant(source.run.finishedAt)}</Text>
              </>
            ) : (
              <Text style={{ color: COLORS.fail }}>no finished sync</Text>
            )}
          </View>
          <View style={{ width: 293 }}>
            {source.run === null ? <Text>Nothing: no sync of this source had finished.</Text> : null}
            {source.run !== null && source.gaps.length === 0 ? <Text style={{ color: COLORS.muted }}>No gaps reported.</Text> : null}
            {source.gaps.map((gap, i) => (
              <Text key={i}>{`${gap.scope} / ${gap.stream}: ${gap.reason}${gap.detail ? ` (${gap.detail})` : ""}`}</Text>
            ))}
          </View>
        </View>
      ))}
    </View>
  );
}

export function ComplianceReportDocument({ report }: { report: ComplianceReport }) {
  return (
    <Document title={`Keyward compliance report as of ${formatInstant(report.asOf)}`} author="Keyward" subject="Non-human identity compliance posture">
      <Page size="A4" style={s.page}>
        <Cover report={report} />
        <Footer report={report} />
      </Page>
      <Page size="A4" style={s.page}>
        <Text style={s.h1}>{PDF_SECTION_TITLES.owasp}</Text>
        <Text style={s.note}>Findings per category of the OWASP Non-Human Identities Top 10 (2025), with the rules that detect each.</Text>
        <ControlTable controls={report.owasp} idLabel="Category" />
        <Footer report={report} />
      </Page>
      {report.frameworks.map((framework) => (
        <Page key={framework.id} size="A4" style={s.page}>
          <Text style={s.h1}>{frameworkHeading(framework)}</Text>
          <Text style={s.note}>
            {framework.name}. {formatCount(framework.controls.length)} controls evidenced by Keyward rules: {formatCount(framework.statusCounts.pass)} pass,{" "}
            {formatCount(framework.statusCounts.partial)} partial, {formatCount(framework.statusCounts.fail)} fail.
          </Text>
          <ControlBars rows={framework.controls.map((c) => ({ label: c.id, counts: c.counts }))} labelWidth={60} />
          <ControlTable controls={framework.controls} idLabel="Control" />
          <Footer report={report} />
        </Page>
      ))}
      <Page size="A4" style={s.page}>
        <Text style={s.h1}>{PDF_SECTION_TITLES.exceptions}</Text>
        <Text style={s.note}>Risks accepted with a justification and in force at the instant, most severe first; each ends at its expiry.</Text>
        <ExceptionsTable report={report} />
        <Text style={[s.h1, { marginTop: 18 }]} break={report.exceptions.length > 25}>
          {PDF_SECTION_TITLES.coverage}
        </Text>
        <Text style={s.note}>
          The latest finished sync of every source by the instant and what it reported it could not see (permission denied, not
          enumerable, timeouts). Findings cannot exist for what was not seen.
        </Text>
        <CoverageTable report={report} />
        <Footer report={report} />
      </Page>
    </Document>
  );
}

/** Renders the report as PDF bytes. Needs React's client build (see the comment at the top). */
export async function renderComplianceReportPdf(report: ComplianceReport): Promise<Buffer> {
  return renderToBuffer(<ComplianceReportDocument report={report} />);
}
