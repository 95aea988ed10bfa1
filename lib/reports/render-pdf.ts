import "server-only";
import { renderPdf } from "@/lib/pdf/render-pdf";
import type { ComplianceReport } from "@/lib/reports/compliance-types";

/**
 * The compliance report as PDF bytes, rendered in process or in a child process where React is
 * the server build (lib/pdf/render-pdf.ts explains why).
 */
export function renderReportPdf(report: ComplianceReport): Promise<Buffer> {
  return renderPdf("compliance-report", report);
}
