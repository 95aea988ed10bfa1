import { z } from "zod";
import JSZip from "jszip";
import { withAuth } from "@/lib/auth/with-auth";
import { exportCampaignEvidenceCsv } from "@/lib/campaigns/evidence-csv";
import { renderCampaignEvidencePdf } from "./render-evidence-pdf";

/*
 * GET /api/v1/campaigns/:id/evidence?format=pdf|csv|zip — a campaign's evidence.
 *   csv: items.csv, one row per item with its decision (who, when, comment) and remediation;
 *   zip: campaign.csv, reviewers.csv, items.csv and MANIFEST.sha256;
 *   pdf: the report, quoting the SHA-256 of each CSV of the same export.
 * Every export is an audit event carrying the files' hashes (lib/campaigns/evidence-csv.ts).
 * Campaign managers and auditors (reports:export); 404 for an unknown campaign.
 */

const querySchema = z.object({ format: z.enum(["pdf", "csv", "zip"], { error: "format must be pdf, csv or zip" }).default("pdf") });
const idSchema = z.uuid({ error: "Not a campaign id." });

/** A file name from the campaign's name: letters, digits and dashes only. */
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "campaign";

function download(body: BodyInit, type: string, filename: string, sha256?: string): Response {
  return new Response(body, {
    headers: {
      "content-type": type,
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      ...(sha256 ? { "x-content-sha256": sha256 } : {}),
    },
  });
}

export const GET = withAuth<{ id: string }>(
  async (request, { caller, params }) => {
    const { format } = querySchema.parse({ format: request.nextUrl.searchParams.get("format") ?? undefined });
    const id = idSchema.parse(params.id);
    const pack = await exportCampaignEvidenceCsv(caller, id);
    const base = `evidence-${slug(pack.evidence.campaign.name)}-${pack.evidence.generatedAt.slice(0, 10)}`;
    if (format === "csv") {
      const items = pack.files.find((f) => f.name === "items.csv")!;
      return download(items.content, "text/csv; charset=utf-8", `${base}.csv`, items.sha256);
    }
    if (format === "zip") {
      const zip = new JSZip();
      for (const f of pack.files) zip.file(f.name, f.content);
      zip.file("MANIFEST.sha256", pack.manifest);
      return download(await zip.generateAsync({ type: "uint8array" }) as Uint8Array<ArrayBuffer>, "application/zip", `${base}.zip`);
    }
    const pdf = await renderCampaignEvidencePdf(pack.evidence, pack.files.map((f) => ({ name: f.name, sha256: f.sha256 })));
    return download(new Uint8Array(pdf), "application/pdf", `${base}.pdf`);
  },
  { permission: "reports:export" },
);
