import { Document, Page, Rect, renderToBuffer, StyleSheet, Svg, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { keepWordsWhole, PDF_COLORS } from "@/lib/pdf/pdf-theme";
import type { InventorySummaryReport, LabelCount, Share } from "@/lib/inventory/pdf/inventory-summary-types";

/*
 * The inventory summary as a PDF (@react-pdf/renderer, built-in Helvetica: nothing downloaded).
 * Pure: DTO in, bytes out. Not `server-only`: react-pdf needs React's client build, which processes
 * under the `react-server` condition lack; lib/pdf/render-pdf.ts then renders it in a child process.
 */

keepWordsWhole();

const COLORS = {
  ...PDF_COLORS,
  warn: "#b45309",
  medium: "#d97706",
  low: "#2563eb",
  info: "#64748b",
};

export const INVENTORY_PDF_SECTION_TITLES = {
  kpis: "Key figures",
  age: "Credential age",
  findings: "Open findings by severity",
  types: "Inventory by type",
  environments: "Inventory by environment",
  risks: "Top 10 risky identities",
  sources: "Sources: last sync and coverage gaps",
} as const;

const number = new Intl.NumberFormat("en-US");
export const formatCount = (n: number) => number.format(n);
export const formatInstant = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
export const formatPercent = (share: Share) => (share.percent === null ? "n/a" : `${share.percent.toFixed(1)} %`);

/** The KPI table's rows: label, value, detail (exported so tests read the same figures). */
export function kpiRows(summary: InventorySummaryReport): Array<[label: string, value: string, detail: string]> {
  const severe = summary.openFindings.bySeverity.filter((s) => s.severity === "critical" || s.severity === "high").reduce((sum, s) => sum + s.count, 0);
  return [
    ["Identities", formatCount(summary.totals.identities), "non-human identities present"],
    ["Credentials", formatCount(summary.totals.credentials), "keys, secrets, tokens, certificates"],
    ["Resources", formatCount(summary.totals.resources), "what identities can reach"],
    ["Owned identities", formatPercent(summary.owned), `${formatCount(summary.owned.part)} of ${formatCount(summary.owned.whole)} identities`],
    ["Within rotation policy", formatPercent(summary.withinRotationPolicy), `${formatCount(summary.withinRotationPolicy.part)} of ${formatCount(summary.withinRotationPolicy.whole)} active credentials`],
    ["Expiring in 30 days", formatCount(summary.expiringIn30Days), "active credentials"],
    ["Open findings", formatCount(summary.openFindings.total), `${formatCount(severe)} critical or high`],
    ["Sources with gaps", formatCount(summary.sourcesWithGaps), `of ${formatCount(summary.totals.sources)} sources`],
  ];
}

const s = StyleSheet.create({
  page: { paddingTop: 36, paddingBottom: 48, paddingHorizontal: 36, fontFamily: "Helvetica", fontSize: 8, color: COLORS.fg },
  brand: { fontSize: 9, color: COLORS.accent, fontFamily: "Helvetica-Bold", letterSpacing: 1 },
  title: { fontSize: 24, fontFamily: "Helvetica-Bold", marginTop: 6 },
  subtitle: { fontSize: 10, color: COLORS.muted, marginTop: 4 },
  h1: { fontSize: 14, fontFamily: "Helvetica-Bold", marginTop: 14, marginBottom: 4 },
  note: { fontSize: 7.5, color: COLORS.muted, marginBottom: 6, lineHeight: 1.35 },
  table: { borderTopWidth: 1, borderColor: COLORS.border },
  row: { flexDirection: "row", borderBottomWidth: 1, borderColor: COLORS.border, paddingVertical: 3, alignItems: "flex-start" },
  headRow: { flexDirection: "row", borderBottomWidth: 1, borderColor: COLORS.fg, paddingVertical: 3, backgroundColor: COLORS.surface },
  head: { fontFamily: "Helvetica-Bold", fontSize: 7 },
  num: { textAlign: "right", paddingRight: 6 },
  small: { fontSize: 6.5, color: COLORS.muted, marginTop: 1 },
  box: { borderWidth: 1, borderColor: COLORS.border, borderRadius: 4, padding: 8, marginTop: 14, backgroundColor: COLORS.surface },
  footer: { position: "absolute", bottom: 20, left: 36, right: 36, flexDirection: "row", justifyContent: "space-between", fontSize: 7, color: COLORS.muted },
});

/** A table column: header, width in points, right-aligned when numeric. */
type Column = { label: string; width: number; numeric?: boolean };

function Table({ columns, rows, empty }: { columns: Column[]; rows: ReactNode[][]; empty: string }) {
  if (rows.length === 0) return <Text style={s.note}>{empty}</Text>;
  return (
    <View style={s.table}>
      <View style={s.headRow} fixed>
        {columns.map((c) => (
          <View key={c.label} style={[{ width: c.width }, c.numeric ? s.num : { paddingRight: 4 }]}>
            <Text style={s.head}>{c.label}</Text>
          </View>
        ))}
      </View>
      {rows.map((cells, i) => (
        <View key={i} style={s.row} wrap={false}>
          {cells.map((cell, j) => (
            <View key={j} style={[{ width: columns[j]!.width }, columns[j]!.numeric ? s.num : { paddingRight: 4 }]}>
              {typeof cell === "string" ? <Text>{cell}</Text> : cell}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

/** Vertical bars drawn as SVG, the value above each bar and its label below. */
function ColumnChart({ bars, height = 90, width = 523 }: { bars: Array<{ label: string; value: number; color: string }>; height?: number; width?: number }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = width / Math.max(1, bars.length);
  const barWidth = Math.min(48, slot * 0.6);
  return (
    <View style={{ flexDirection: "row", marginTop: 6, marginBottom: 4 }}>
      {bars.map((bar) => {
        const h = bar.value > 0 ? Math.max(1, (bar.value / max) * height) : 0;
        return (
          <View key={bar.label} style={{ width: slot, alignItems: "center" }}>
            <Text style={{ fontSize: 7, marginBottom: 2 }}>{formatCount(bar.value)}</Text>
            <Svg width={barWidth} height={height}>
              <Rect x={0} y={height - 0.5} width={barWidth} height={0.5} fill={COLORS.border} />
              {h > 0 ? <Rect x={0} y={height - h} width={barWidth} height={h} fill={bar.color} /> : null}
            </Svg>
            <Text style={{ fontSize: 7, color: COLORS.muted, marginTop: 2 }}>{bar.label}</Text>
          </View>
        );
      })}
    </View>
  );
}

/** Horizontal bars drawn as SVG: one row per label, the count at the end. */
function BarList({ rows, labelWidth = 130 }: { rows: LabelCount[]; labelWidth?: number }) {
  const barWidth = 523 - labelWidth - 50;
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <View style={{ marginBottom: 8 }}>
      {rows.map((row) => (
        <View key={row.label} style={{ flexDirection: "row", alignItems: "center", height: 11 }}>
          <Text style={{ width: labelWidth, fontSize: 7, color: COLORS.muted }}>{row.label}</Text>
          <Svg width={barWidth} height={8}>
            <Rect x={0} y={0} width={barWidth} height={8} fill={COLORS.surface} />
            {row.count > 0 ? <Rect x={0} y={0} width={Math.max(0.8, (row.count / max) * barWidth)} height={8} fill={COLORS.accent} /> : null}
          </Svg>
          <Text style={{ width: 50, fontSize: 7, textAlign: "right" }}>{formatCount(row.count)}</Text>
        </View>
      ))}
    </View>
  );
}

function Footer({ summary }: { summary: InventorySummaryReport }) {
  return (
    <View style={s.footer} fixed>
      <Text>{`Keyward inventory summary · as of ${formatInstant(summary.asOf)} · generated ${formatInstant(summary.generatedAt)}`}</Text>
      <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
    </View>
  );
}

function TitlePage({ summary }: { summary: InventorySummaryReport }) {
  return (
    <Page size="A4" style={s.page}>
      <Text style={s.brand}>KEYWARD</Text>
      <Text style={s.title}>Inventory summary</Text>
      <Text style={s.subtitle}>{`Non-human identities and their credentials as of ${formatInstant(summary.asOf)}`}</Text>
      <Text style={s.h1}>{INVENTORY_PDF_SECTION_TITLES.kpis}</Text>
      <Table
        columns={[{ label: "Figure", width: 150 }, { label: "Value", width: 90, numeric: true }, { label: "Detail", width: 283 }]}
        rows={kpiRows(summary).map(([label, value, detail]) => [
          <Text key="l" style={{ fontFamily: "Helvetica-Bold" }}>{label}</Text>,
          <Text key="v" style={{ fontFamily: "Helvetica-Bold" }}>{value}</Text>,
          <Text key="d" style={{ color: COLORS.muted }}>{detail}</Text>,
        ])}
        empty=""
      />
      <View style={s.box}>
        <Text style={[s.head, { marginBottom: 3 }]}>How to read this summary</Text>
        <Text style={s.note}>
          Every figure is as of the instant above: a record counts when Keyward had seen it by then and had not retired it by then. A
          finding is open when it was first seen by then and was not resolved, suppressed or accepted as a risk at that instant. An
          identity is owned when its resolved owner is explicit, from the source or from a catalog (a suggestion does not count). A
          credential is within the rotation policy unless its maximum-age finding was open or accepted. Risk scores are the latest
          computed; the list holds identities present at the instant. The figures cover only what the syncs could see: read them with
          the coverage gaps on the last page.
        </Text>
      </View>
      <Footer summary={summary} />
    </Page>
  );
}

function ChartsPage({ summary }: { summary: InventorySummaryReport }) {
  return (
    <Page size="A4" style={s.page}>
      <Text style={[s.h1, { marginTop: 0 }]}>{INVENTORY_PDF_SECTION_TITLES.age}</Text>
      <Text style={s.note}>Present credentials by days since their last rotation (or creation, when never rotated), at the instant.</Text>
      <ColumnChart bars={summary.ageHistogram.map((b) => ({ label: b.bucket, value: b.credentials, color: COLORS.accent }))} />
      <Text style={s.h1}>{INVENTORY_PDF_SECTION_TITLES.findings}</Text>
      <Text style={s.note}>{`${formatCount(summary.openFindings.total)} findings open at the instant, on the fixed severity scale.`}</Text>
      <ColumnChart
        bars={summary.openFindings.bySeverity.map((f) => ({ label: f.severity, value: f.count, color: COLORS[f.severity as keyof typeof COLORS] ?? COLORS.info }))}
      />
      <Text style={s.h1}>{INVENTORY_PDF_SECTION_TITLES.types}</Text>
      <Text style={[s.head, { marginBottom: 3 }]}>Identities</Text>
      <BarList rows={summary.identitiesByType} />
      <Text style={[s.head, { marginBottom: 3 }]}>Credentials</Text>
      <BarList rows={summary.credentialsByType} />
      <Footer summary={summary} />
    </Page>
  );
}

function TablesPage({ summary }: { summary: InventorySummaryReport }) {
  return (
    <Page size="A4" style={s.page}>
      <Text style={[s.h1, { marginTop: 0 }]}>{INVENTORY_PDF_SECTION_TITLES.environments}</Text>
      <Table
        columns={[{ label: "Environment", width: 200 }, { label: "Identities", width: 90, numeric: true }, { label: "Credentials", width: 90, numeric: true }]}
        rows={summary.byEnvironment.map((e) => [e.environment, formatCount(e.identities), formatCount(e.credentials)])}
        empty="Nothing was present at this instant."
      />
      <Text style={s.h1}>{INVENTORY_PDF_SECTION_TITLES.risks}</Text>
      <Text style={s.note}>
        {summary.risksComputedAt ? `Scores 0–100 (docs/risk.md), latest computed ${formatInstant(summary.risksComputedAt)}.` : "No risk scores have been computed yet."}
      </Text>
      <Table
        columns={[
          { label: "Identity", width: 150 },
          { label: "Type", width: 95 },
          { label: "Environment", width: 65 },
          { label: "Score", width: 40, numeric: true },
          { label: "Band", width: 45 },
          { label: "Drivers", width: 128 },
        ]}
        rows={summary.topRisks.map((r) => [r.name, r.type, r.environment ?? "-", r.score.toFixed(1), r.band, <Text key="d" style={s.small}>{r.drivers.join(", ") || "-"}</Text>])}
        empty="No identity present at this instant has a risk score."
      />
      <Text style={s.h1} break={summary.sources.length > 12}>
        {INVENTORY_PDF_SECTION_TITLES.sources}
      </Text>
      <Text style={s.note}>The latest finished sync of each source by the instant and what it reported it could not see. Nothing can be counted that was not seen.</Text>
      <Table
        columns={[
          { label: "Source", width: 110 },
          { label: "Identities", width: 50, numeric: true },
          { label: "Credentials", width: 55, numeric: true },
          { label: "Last sync", width: 100 },
          { label: "Coverage gaps", width: 208 },
        ]}
        rows={summary.sources.map((source) => [
          <View key="n">
            <Text style={{ fontFamily: "Helvetica-Bold" }}>{source.name}</Text>
            <Text style={s.small}>{source.provider}</Text>
          </View>,
          formatCount(source.identities),
          formatCount(source.credentials),
          source.lastSync ? (
            <View key="s">
              <Text style={{ color: source.lastSync.status === "succeeded" ? COLORS.fg : COLORS.warn }}>{`${source.lastSync.status} (${source.lastSync.mode})`}</Text>
              <Text style={s.small}>{formatInstant(source.lastSync.finishedAt)}</Text>
            </View>
          ) : (
            <Text key="s" style={{ color: COLORS.critical }}>no finished sync</Text>
          ),
          <View key="g">
            {source.lastSync !== null && source.gaps.length === 0 ? <Text style={{ color: COLORS.muted }}>No gaps reported.</Text> : null}
            {source.lastSync === null ? <Text>Nothing: no sync of this source had finished.</Text> : null}
            {source.gaps.map((gap, i) => (
              <Text key={i}>{`${gap.scope} / ${gap.stream}: ${gap.reason}${gap.detail ? ` (${gap.detail})` : ""}`}</Text>
            ))}
          </View>,
        ])}
        empty="No sources were configured at this instant: nothing was seen."
      />
      <Footer summary={summary} />
    </Page>
  );
}

export function InventorySummaryPdf({ summary }: { summary: InventorySummaryReport }) {
  return (
    <Document title={`Keyward inventory summary as of ${formatInstant(summary.asOf)}`} author="Keyward" subject="Non-human identity inventory summary">
      <TitlePage summary={summary} />
      <ChartsPage summary={summary} />
      <TablesPage summary={summary} />
    </Document>
  );
}

/** Renders the summary as PDF bytes. Needs React's client build (see the comment at the top). */
export async function renderInventorySummaryPdf(summary: InventorySummaryReport): Promise<Buffer> {
  return renderToBuffer(<InventorySummaryPdf summary={summary} />);
}
