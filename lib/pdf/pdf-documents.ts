import type { EvidenceFileHash } from "@/components/campaigns/evidence-pdf";
import type { CampaignEvidenceDto } from "@/lib/campaigns/campaign-types";
import type { InventorySummaryReport } from "@/lib/inventory/pdf/inventory-summary-types";
import type { ComplianceReport } from "@/lib/reports/compliance-types";

/*
 * The react-pdf documents Keyward renders, by kind: what each takes (plain JSON-safe data) and the
 * module that draws it. Not `server-only`: the renderer's child process (child-main.ts) loads it
 * without the `react-server` condition. Documents are imported on demand, so a process pays for
 * react-pdf only when it renders.
 */

export type PdfInputs = {
  "compliance-report": ComplianceReport;
  "campaign-evidence": { evidence: CampaignEvidenceDto; files: EvidenceFileHash[] };
  "inventory-summary": InventorySummaryReport;
};

export type PdfKind = keyof PdfInputs;

type Renderer<K extends PdfKind> = (data: PdfInputs[K]) => Promise<Buffer>;

const DOCUMENTS: { [K in PdfKind]: () => Promise<Renderer<K>> } = {
  "compliance-report": async () => (await import("@/lib/reports/compliance-pdf")).renderComplianceReportPdf,
  "campaign-evidence": async () => {
    const { renderEvidencePdf } = await import("@/components/campaigns/evidence-pdf");
    return (data) => renderEvidencePdf(data.evidence, data.files);
  },
  "inventory-summary": async () => (await import("@/lib/inventory/pdf/inventory-summary-pdf")).renderInventorySummaryPdf,
};

export const PDF_KINDS = Object.keys(DOCUMENTS) as PdfKind[];

export const isPdfKind = (value: unknown): value is PdfKind => typeof value === "string" && (PDF_KINDS as string[]).includes(value);

/** Renders in this process; needs React's client build (lib/pdf/render-pdf.ts decides). */
export async function renderPdfInProcess<K extends PdfKind>(kind: K, data: PdfInputs[K]): Promise<Buffer> {
  const render = await (DOCUMENTS[kind] as () => Promise<Renderer<K>>)();
  return render(data);
}
