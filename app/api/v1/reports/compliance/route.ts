import { z } from "zod";
import { withAuth } from "@/lib/auth/with-auth";
import { buildComplianceReport, parseReportInstant, reportOptionsSchema } from "@/lib/reports/build-compliance-report";
import { complianceReportCsv, complianceReportJson, reportFileName } from "@/lib/reports/compliance-export";
import { renderReportPdf } from "@/lib/reports/render-pdf";

const querySchema = reportOptionsSchema.extend({
  format: z.enum(["json", "csv", "pdf"], { message: "format must be json, csv or pdf" }).default("json"),
});

/**
 * GET /api/v1/reports/compliance[?format=json|csv|pdf][&asOf=<instant or date>][&framework=<id>]:
 * the compliance report (docs/reports.md) as of the instant (default now). 400 names the bad
 * field; 403 without reports:export. CSV and PDF come as downloads.
 */
export const GET = withAuth(
  async (request, { caller }) => {
    const query = querySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    const report = await buildComplianceReport(caller, {
      asOf: query.asOf === undefined ? undefined : parseReportInstant(query.asOf),
      framework: query.framework,
    });
    const headers = (type: string) => ({
      "Content-Type": type,
      "Cache-Control": "no-store",
      ...(query.format === "json" ? {} : { "Content-Disposition": `attachment; filename="${reportFileName(report, query.format)}"` }),
    });
    if (query.format === "csv") return new Response(complianceReportCsv(report), { headers: headers("text/csv; charset=utf-8") });
    if (query.format === "pdf") return new Response(new Uint8Array(await renderReportPdf(report)), { headers: headers("application/pdf") });
    return new Response(complianceReportJson(report), { headers: headers("application/json; charset=utf-8") });
  },
  { permission: "reports:export" },
);
