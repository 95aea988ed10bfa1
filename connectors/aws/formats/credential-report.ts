import { z } from "zod";
import { defineFormat, FormatError, parseFileWith, type FormatBatch, type InspectedFile } from "../../sdk";
import { readCsv, CsvSyntaxError } from "../../keyward/text/csv-reader";
import { credentialReportRowSchema } from "../schemas";
import { importedAt, objectOf } from "./json-shape";

/*
 * The IAM credential report: `aws iam get-credential-report --output text --query Content | base64 -d`
 * (the CSV) or the JSON `aws iam get-credential-report` prints (`Content` base64-encoded). One row
 * per user plus `<root_account>`; each becomes a `users` item.
 */

/** Columns every credential report starts with, in AWS's documented order. */
const LEADING_COLUMNS = ["user", "arn", "user_creation_time", "password_enabled"];
const REQUIRED_COLUMNS = ["mfa_active", "access_key_1_active", "access_key_2_active"];

const isReportHeader = (header: readonly string[] | undefined): boolean =>
  header !== undefined && LEADING_COLUMNS.every((c, i) => header[i] === c) && REQUIRED_COLUMNS.every((c) => header.includes(c));

function rowsOf(file: InspectedFile, csv: string): FormatBatch[] {
  let rows;
  try {
    rows = readCsv(csv);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new FormatError("parse_failed", { file: file.path, line: error.line, reason: `not valid CSV: ${error.reason}` });
    throw error;
  }
  const [header, ...records] = rows;
  if (!header || !isReportHeader(header.fields)) throw new FormatError("parse_failed", { file: file.path, reason: "not a credential report header" });
  const keyward = { observedAt: importedAt() };
  const items = records.map((row) => {
    if (row.fields.length !== header.fields.length) {
      throw new FormatError("parse_failed", { file: file.path, line: row.line, reason: `expected ${header.fields.length} columns, found ${row.fields.length}` });
    }
    const cells = Object.fromEntries(header.fields.map((name, i) => [name, row.fields[i] ?? ""]));
    const parsed = credentialReportRowSchema.safeParse(cells);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new FormatError("parse_failed", { file: file.path, line: row.line, field: issue?.path.join("."), reason: issue?.message ?? "invalid row" });
    }
    return { CredentialReportRow: parsed.data, keyward };
  });
  return [{ stream: "users", items }];
}

export const credentialReportCsvFormat = defineFormat({
  id: "aws.iam-credential-report",
  description: "IAM credential report (CSV, as decoded from get-credential-report)",
  detect: (file) => isReportHeader(file.csvHeader),
  parse: (file) => rowsOf(file, file.text),
});

const reportJsonSchema = z.object({ Content: z.string().min(1), ReportFormat: z.literal("text/csv"), GeneratedTime: z.string().optional() });

export const credentialReportJsonFormat = defineFormat({
  id: "aws.iam-get-credential-report",
  description: "aws iam get-credential-report JSON output (base64 CSV in Content)",
  detect: (file) => {
    const json = objectOf(file);
    return typeof json?.Content === "string" && json.ReportFormat === "text/csv";
  },
  parse: (file) => rowsOf(file, Buffer.from(parseFileWith(file, reportJsonSchema).Content, "base64").toString("utf8")),
});
