/*
 * The PDF renderer's child process (lib/reports/render-pdf.ts): reads a ComplianceReport as JSON on
 * stdin, writes the PDF to stdout. Started without the `react-server` condition, so react-pdf finds
 * React's client build. It touches nothing else: no database, no environment.
 */
import { renderComplianceReportPdf } from "@/lib/reports/compliance-pdf";
import type { ComplianceReport } from "@/lib/reports/compliance-types";

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const report = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ComplianceReport;
process.stdout.write(await renderComplianceReportPdf(report));
