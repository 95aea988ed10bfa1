import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { CampaignEvidenceDto, CampaignFilter, EvidenceItemDto } from "@/lib/campaigns/campaign-types";

/*
 * A campaign's evidence as a PDF (@react-pdf/renderer, built-in Helvetica: nothing downloaded):
 * scope, reviewers, every decision with who, when and why, remediation, sign-off, and the SHA-256
 * of each CSV of the same export, so the PDF and the files can be matched. Pure: DTO in, bytes out.
 * Not `server-only`: react-pdf needs React's client build, which a process started with the
 * `react-server` condition lacks; app/api/v1/campaigns/[id]/evidence/render-evidence-pdf.ts then
 * renders it in a child process (lib/pdf/child-main.ts).
 */

export type EvidenceFileHash = { name: string; sha256: string };

const COLORS = { fg: "#0f172a", muted: "#64748b", border: "#e2e8f0", surface: "#f8fafc", accent: "#2457d6", danger: "#b42318", ok: "#1f7a4d" };

const s = StyleSheet.create({
  page: { paddingTop: 36, paddingBottom: 48, paddingHorizontal: 32, fontFamily: "Helvetica", fontSize: 8, color: COLORS.fg },
  brand: { fontSize: 9, color: COLORS.accent, fontFamily: "Helvetica-Bold", letterSpacing: 1 },
  title: { fontSize: 18, fontFamily: "Helvetica-Bold", marginTop: 6 },
  subtitle: { fontSize: 9, color: COLORS.muted, marginTop: 3 },
  h2: { fontSize: 11, fontFamily: "Helvetica-Bold", marginTop: 14, marginBottom: 4 },
  note: { fontSize: 7.5, color: COLORS.muted, marginBottom: 4, lineHeight: 1.35 },
  facts: { flexDirection: "row", flexWrap: "wrap", marginTop: 4 },
  fact: { width: "50%", flexDirection: "row", paddingVertical: 1.5 },
  factLabel: { width: 90, color: COLORS.muted },
  factValue: { flex: 1 },
  table: { borderTopWidth: 1, borderColor: COLORS.border },
  head: { flexDirection: "row", backgroundColor: COLORS.surface, borderBottomWidth: 1, borderColor: COLORS.border, paddingVertical: 3, fontFamily: "Helvetica-Bold", color: COLORS.muted, fontSize: 7 },
  row: { flexDirection: "row", borderBottomWidth: 1, borderColor: COLORS.border, paddingVertical: 3, alignItems: "flex-start" },
  cell: { paddingHorizontal: 3 },
  mono: { fontFamily: "Courier", fontSize: 7 },
  signOff: { borderWidth: 1, borderColor: COLORS.border, borderRadius: 4, padding: 8, marginTop: 4, backgroundColor: COLORS.surface },
  footer: { position: "absolute", bottom: 20, left: 32, right: 32, flexDirection: "row", justifyContent: "space-between", fontSize: 7, color: COLORS.muted },
});

const when = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : "-");

/** The filter as words, one line per condition (what an auditor reads as "the scope"). */
export function scopeLines(filter: CampaignFilter, exclusions: number): string[] {
  const lines: string[] = [];
  if (filter.sourceIds?.length) lines.push(`Sources: ${filter.sourceIds.join(", ")}`);
  if (filter.types?.length) lines.push(`Identity types: ${filter.types.join(", ")}`);
  if (filter.environments?.length) lines.push(`Environments: ${filter.environments.join(", ")}`);
  if (filter.minRisk !== undefined) lines.push(`Risk score at least ${filter.minRisk}`);
  if (filter.rules?.length) lines.push(`With an open finding of: ${filter.rules.join(", ")}`);
  if (filter.ownerEmail) lines.push(`Owned by ${filter.ownerEmail}`);
  if (filter.notReviewedInDays !== undefined) lines.push(`Not reviewed in the last ${filter.notReviewedInDays} days`);
  if (lines.length === 0) lines.push("Every identity in the inventory");
  if (exclusions > 0) lines.push(`${exclusions} identit${exclusions === 1 ? "y" : "ies"} excluded by id`);
  return lines;
}

/** What the decision was, with its parameter (new owner, new end date) and whether the default applied. */
export function decisionText(item: Pick<EvidenceItemDto, "decision" | "decidedByDefault" | "newOwnerEmail" | "newEndDate">): string {
  if (!item.decision) return "pending";
  const detail = item.decision === "reassign" && item.newOwnerEmail ? ` to ${item.newOwnerEmail}` : item.decision === "extend" && item.newEndDate ? ` to ${item.newEndDate.slice(0, 10)}` : "";
  return `${item.decision}${detail}${item.decidedByDefault ? " (default action)" : ""}`;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View style={s.fact}>
      <Text style={s.factLabel}>{label}</Text>
      <Text style={s.factValue}>{children}</Text>
    </View>
  );
}

type Column<T> = { title: string; width: string; value: (row: T) => string; mono?: boolean };

function Table<T>({ columns, rows, empty }: { columns: Column<T>[]; rows: T[]; empty: string }) {
  return (
    <View style={s.table}>
      <View style={s.head} fixed>
        {columns.map((c) => (
          <Text key={c.title} style={[s.cell, { width: c.width }]}>
            {c.title}
          </Text>
        ))}
      </View>
      {rows.length === 0 ? (
        <Text style={[s.note, { paddingTop: 4 }]}>{empty}</Text>
      ) : (
        rows.map((row, index) => (
          <View key={index} style={s.row} wrap={false}>
            {columns.map((c) => (
              <Text key={c.title} style={c.mono ? [s.cell, s.mono, { width: c.width }] : [s.cell, { width: c.width }]}>
                {c.value(row)}
              </Text>
            ))}
          </View>
        ))
      )}
    </View>
  );
}

const DECISION_COLUMNS: Column<EvidenceItemDto>[] = [
  { title: "Identity", width: "17%", value: (i) => `${i.identityName}\n${i.identityType} / ${i.sourceName}${i.environment ? ` / ${i.environment}` : ""}` },
  { title: "Reviewer", width: "17%", value: (i) => `${i.reviewerEmail}\n${i.reviewerBasis}${i.delegatedBy ? ` by ${i.delegatedBy}` : ""}` },
  { title: "Decision", width: "11%", value: decisionText },
  { title: "Decided by", width: "15%", value: (i) => i.decidedBy ?? "-" },
  { title: "When", width: "10%", value: (i) => when(i.decidedAt) },
  { title: "Comment", width: "19%", value: (i) => i.comment ?? "" },
  { title: "Remediation", width: "11%", value: (i) => (i.remediation ? `${i.remediation.action}: ${i.remediation.status.toLowerCase()}${i.remediation.doneAt ? ` ${i.remediation.doneAt.slice(0, 10)}` : ""}` : "-") },
];

const REVIEWER_COLUMNS: Column<CampaignEvidenceDto["reviewers"][number]>[] = [
  { title: "Reviewer", width: "55%", value: (r) => r.email },
  { title: "Items", width: "15%", value: (r) => String(r.items) },
  { title: "Decided", width: "15%", value: (r) => String(r.decided) },
  { title: "Pending", width: "15%", value: (r) => String(r.pending) },
];

export function EvidenceDocument({ evidence, files }: { evidence: CampaignEvidenceDto; files: EvidenceFileHash[] }) {
  const c = evidence.campaign;
  const decisionSummary = Object.entries(evidence.decisions)
    .map(([d, n]) => `${d} ${n}`)
    .join(", ");
  return (
    <Document title={`Access review evidence: ${c.name}`} author="Keyward" subject="Access review campaign evidence">
      <Page size="A4" orientation="landscape" style={s.page}>
        <Text style={s.brand}>KEYWARD</Text>
        <Text style={s.title}>Access review evidence: {c.name}</Text>
        <Text style={s.subtitle}>
          Generated {when(evidence.generatedAt)} by {evidence.generatedBy}. Campaign {c.id}.
        </Text>
        {c.description ? <Text style={[s.note, { marginTop: 6 }]}>{c.description}</Text> : null}

        <Text style={s.h2}>Campaign</Text>
        <View style={s.facts}>
          <Fact label="Status">{c.status}</Fact>
          <Fact label="Due">{when(c.dueAt)}</Fact>
          <Fact label="Created">{`${when(c.createdAt)} by ${c.createdBy}`}</Fact>
          <Fact label="Activated">{c.activatedAt ? `${when(c.activatedAt)} by ${c.activatedBy}` : "-"}</Fact>
          <Fact label="Default action">{c.defaultAction}</Fact>
          <Fact label="Security queue">{c.securityQueue}</Fact>
          <Fact label="Items">{String(c.progress.items)}</Fact>
          <Fact label="Decisions">{decisionSummary}</Fact>
          <Fact label="Recurrence">{c.recurrence ?? "one-off"}</Fact>
          <Fact label="Remediation">{`${evidence.remediation.open} open, ${evidence.remediation.done} done`}</Fact>
        </View>

        <Text style={s.h2}>Scope</Text>
        {scopeLines(c.filter, c.exclusions.length).map((line) => (
          <Text key={line} style={{ paddingVertical: 1 }}>
            {line}
          </Text>
        ))}
        <Text style={s.note}>Frozen at activation: identities that matched then are the items below.</Text>

        <Text style={s.h2}>Reviewers</Text>
        <Table columns={REVIEWER_COLUMNS} rows={evidence.reviewers} empty="No reviewers: the campaign was never activated." />

        <Text style={s.h2} break>
          Decisions ({evidence.items.length})
        </Text>
        <Table columns={DECISION_COLUMNS} rows={evidence.items} empty="No items." />

        <Text style={s.h2}>Sign-off</Text>
        <View style={s.signOff} wrap={false}>
          {c.closedAt ? (
            <>
              <Text>{`Closed ${when(c.closedAt)} by ${c.closedBy}.`}</Text>
              <Text style={{ marginTop: 4 }}>{c.signOff ?? "No sign-off statement was given."}</Text>
            </>
          ) : c.cancelledAt ? (
            <Text>{`Cancelled ${when(c.cancelledAt)} by ${c.cancelledBy}: no sign-off.`}</Text>
          ) : (
            <Text>Not closed yet: decisions may still change.</Text>
          )}
        </View>

        <Text style={s.h2}>Files of this export (SHA-256)</Text>
        <Text style={s.note}>The CSV files exported with this PDF; the export and these hashes are recorded in the audit chain.</Text>
        {files.map((f) => (
          <Text key={f.name} style={[s.mono, { paddingVertical: 1 }]}>
            {`${f.sha256}  ${f.name}`}
          </Text>
        ))}

        <View style={s.footer} fixed>
          <Text>{`Keyward access review evidence: ${c.name}`}</Text>
          <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}

export function renderEvidencePdf(evidence: CampaignEvidenceDto, files: EvidenceFileHash[]): Promise<Buffer> {
  return renderToBuffer(<EvidenceDocument evidence={evidence} files={files} />);
}
