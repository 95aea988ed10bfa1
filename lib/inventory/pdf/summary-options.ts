import "server-only";
import type { InventorySummaryReport } from "@/lib/inventory/pdf/inventory-summary-types";
import { parseReportInstant, reportOptionsSchema } from "@/lib/reports/build-compliance-report";

/**
 * Query input of the summary route: `asOf`, an instant with a zone or a date, read exactly as the
 * compliance report reads it (a date is the end of that day, UTC); errors name the field.
 */
export const inventorySummaryQuerySchema = reportOptionsSchema.pick({ asOf: true });

export const parseSummaryInstant = parseReportInstant;

/** `keyward-inventory-summary-2026-06-30.pdf`: the day of the instant, UTC. */
export const inventorySummaryFileName = (summary: Pick<InventorySummaryReport, "asOf">) => `keyward-inventory-summary-${summary.asOf.slice(0, 10)}.pdf`;
