import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import type { AuditEventInput } from "@/lib/audit/audit-hash";
import { callerAsActor, requirePermission, systemCaller } from "@/lib/auth/session-context";
import { AppError } from "@/lib/errors";
import type { EmailAttachment, Notifier } from "@/lib/notify/notifier";
import { inTransaction, type SqlTarget } from "@/lib/policy/sql-executor";
import { computeComplianceReport } from "@/lib/reports/build-compliance-report";
import { complianceReportCsv, reportFileName } from "@/lib/reports/compliance-export";
import { renderReportPdf } from "@/lib/reports/render-pdf";
import { complianceReportEmail } from "@/lib/reports/report-email";

export type ReportDeliveryOptions = {
  /** Who gets the report, one e-mail each (KEYWARD_REPORT_RECIPIENTS). */
  recipients: readonly string[];
  /** The instant reported on and stamped as `generatedAt`. */
  now: Date;
  /** Sends the e-mails; must have SMTP configured. */
  notifier: Notifier;
};

export type ReportDeliveryResult = {
  generatedAt: string;
  asOf: string;
  delivered: string[];
  /** Recipients whose e-mail failed, with the notifier's message (it never holds the SMTP credentials). */
  failed: Array<{ recipient: string; error: string }>;
  pdfSha256: string;
  csvSha256: string;
};

/** The worker delivers as a system caller; it still needs the permission a person exporting the report needs. */
export const REPORT_DELIVERY_CALLER = systemCaller("system:reports");

const recipientsSchema = z
  .array(z.email({ error: (issue) => `"${String(issue.input)}" is not an e-mail address` }))
  .min(1, "name at least one recipient (KEYWARD_REPORT_RECIPIENTS)");

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/**
 * Builds the compliance report as of `now`, renders its PDF and CSV once, and e-mails both to each
 * recipient separately (one address per message: recipients do not see each other, and one bad
 * mailbox does not stop the rest). After sending, one transaction appends `report.delivered` for
 * the recipients reached and `report.delivery_failed` for the others, each with the SHA-256 of
 * the attachments so an auditor can match a received file to the log. Nothing is retried here: a
 * retry would send the report twice to those already reached.
 */
export async function deliverComplianceReport(target: SqlTarget, options: ReportDeliveryOptions): Promise<ReportDeliveryResult> {
  const parsed = recipientsSchema.safeParse([...options.recipients]);
  if (!parsed.success) throw new AppError("INVALID_INPUT", `Report recipients: ${parsed.error.issues[0]!.message}.`, "recipients");
  const recipients = [...new Set(parsed.data)];
  if (!options.notifier.email) {
    throw new AppError("INVALID_INPUT", "The compliance report cannot be e-mailed: no SMTP server is configured (KEYWARD_SMTP_URL).", "KEYWARD_SMTP_URL");
  }
  requirePermission(REPORT_DELIVERY_CALLER, "reports:export");

  const report = await computeComplianceReport(target, {}, options.now);
  const pdf = await renderReportPdf(report);
  const csv = Buffer.from(complianceReportCsv(report), "utf8");
  const attachments: EmailAttachment[] = [
    { filename: reportFileName(report, "pdf"), content: pdf, contentType: "application/pdf" },
    { filename: reportFileName(report, "csv"), content: csv, contentType: "text/csv; charset=utf-8" },
  ];
  const message = complianceReportEmail(report, attachments.map((a) => a.filename), options.notifier.baseUrl);

  const result: ReportDeliveryResult = {
    generatedAt: report.generatedAt,
    asOf: report.asOf,
    delivered: [],
    failed: [],
    pdfSha256: sha256(pdf),
    csvSha256: sha256(csv),
  };
  for (const to of recipients) {
    try {
      await options.notifier.sendEmail({ to, ...message, attachments });
      result.delivered.push(to);
    } catch (error) {
      result.failed.push({ recipient: to, error: (error as Error).message });
    }
  }

  await inTransaction(target, (x) => appendAuditEvents(x.handle, deliveryEvents(result)));
  return result;
}

function deliveryEvents(result: ReportDeliveryResult): AuditEventInput[] {
  const actor = callerAsActor(REPORT_DELIVERY_CALLER);
  const target = { type: "report", id: "compliance" };
  const files = { generatedAt: result.generatedAt, asOf: result.asOf, pdfSha256: result.pdfSha256, csvSha256: result.csvSha256 };
  const events: AuditEventInput[] = [];
  if (result.delivered.length > 0) events.push({ actor, action: "report.delivered", target, summary: { recipients: result.delivered, ...files } });
  if (result.failed.length > 0) events.push({ actor, action: "report.delivery_failed", target, summary: { failed: result.failed, ...files } });
  return events;
}
