import { withAuth } from "@/lib/auth/with-auth";
import { buildInventorySummary } from "@/lib/inventory/pdf/build-inventory-summary";
import { inventorySummaryFileName, inventorySummaryQuerySchema, parseSummaryInstant } from "@/lib/inventory/pdf/summary-options";
import { renderPdf } from "@/lib/pdf/render-pdf";

/**
 * GET /api/v1/inventory/summary.pdf[?asOf=<instant or date>]: the inventory summary
 * (docs/inventory-pdf.md) as of the instant (default now), as a PDF download. 400 names the bad
 * field; 401 without a session; 403 without reports:export.
 */
export const GET = withAuth(
  async (request, { caller }) => {
    const query = inventorySummaryQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    const summary = await buildInventorySummary(caller, { asOf: query.asOf === undefined ? undefined : parseSummaryInstant(query.asOf) });
    return new Response(new Uint8Array(await renderPdf("inventory-summary", summary)), {
      headers: {
        "Content-Type": "application/pdf",
        "Cache-Control": "no-store",
        "Content-Disposition": `attachment; filename="${inventorySummaryFileName(summary)}"`,
      },
    });
  },
  { permission: "reports:export" },
);
