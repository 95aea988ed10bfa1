/*
 * The evidence PDF's child process (app/api/v1/campaigns/[id]/evidence/render-evidence-pdf.ts):
 * reads { evidence, files } as JSON on stdin, writes the PDF to stdout. Started without the
 * `react-server` condition, so react-pdf finds React's client build. No database, no environment.
 */
import { renderEvidencePdf, type EvidenceFileHash } from "@/components/campaigns/evidence-pdf";
import type { CampaignEvidenceDto } from "@/lib/campaigns/campaign-types";

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const input = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { evidence: CampaignEvidenceDto; files: EvidenceFileHash[] };
process.stdout.write(await renderEvidencePdf(input.evidence, input.files));
