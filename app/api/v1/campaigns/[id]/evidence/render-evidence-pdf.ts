import "server-only";
import type { EvidenceFileHash } from "@/components/campaigns/evidence-pdf";
import type { CampaignEvidenceDto } from "@/lib/campaigns/campaign-types";
import { renderPdf } from "@/lib/pdf/render-pdf";

/**
 * A campaign's evidence as PDF bytes, rendered in process or in a child process where React is
 * the server build (lib/pdf/render-pdf.ts explains why).
 */
export function renderCampaignEvidencePdf(evidence: CampaignEvidenceDto, files: EvidenceFileHash[]): Promise<Buffer> {
  return renderPdf("campaign-evidence", { evidence, files });
}
