import "server-only";
import { exportCampaignEvidenceCsv } from "@/lib/campaigns/evidence-csv";
import { listCampaigns } from "@/lib/campaigns/campaign-queries";
import type { EvidencePart, EvidencePartProvider } from "@/lib/evidence/evidence-part";
import { buildComplianceReport } from "@/lib/reports/build-compliance-report";
import { complianceReportCsv, complianceReportJson } from "@/lib/reports/compliance-export";
import { renderReportPdf } from "@/lib/reports/render-pdf";

/** The compliance report as of the pack's instant: JSON (the figures), CSV and the PDF people read. */
export const complianceReportParts: EvidencePartProvider = async ({ caller, asOf }) => {
  const report = await buildComplianceReport(caller, { asOf });
  return [
    { path: "compliance/compliance-report.json", contents: complianceReportJson(report) },
    { path: "compliance/compliance-report.csv", contents: complianceReportCsv(report) },
    { path: "compliance/compliance-report.pdf", contents: await renderReportPdf(report) },
  ];
};

/**
 * Campaign evidence: the CSV files of every campaign that was activated by the pack's instant
 * (drafts decided nothing), under `campaigns/<campaign id>/`. Each export is itself audited.
 */
export const campaignEvidenceParts: EvidencePartProvider = async ({ caller, asOf }) => {
  const campaigns = (await listCampaigns(caller)).filter((c) => c.activatedAt !== null && new Date(c.activatedAt) <= asOf);
  const parts: EvidencePart[] = [];
  for (const campaign of campaigns) {
    const pack = await exportCampaignEvidenceCsv(caller, campaign.id);
    for (const file of pack.files) parts.push({ path: `campaigns/${campaign.id}/${file.name}`, contents: file.content });
  }
  return parts;
};

/**
 * Files other modules add to every evidence pack (the CLI's and the API's), one line each. The
 * core parts (inventory, findings, audit-chain verification) are built in core-parts.ts.
 */
export const EXTRA_EVIDENCE_PARTS: readonly EvidencePartProvider[] = [complianceReportParts, campaignEvidenceParts];
