import fs from "node:fs/promises";
import { systemCaller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { buildComplianceReport, parseReportInstant, reportOptionsSchema } from "@/lib/reports/build-compliance-report";
import { complianceReportCsv, complianceReportJson } from "@/lib/reports/compliance-export";
import { REPORT_FRAMEWORKS, type ReportFrameworkId } from "@/lib/reports/compliance-types";
import { renderReportPdf } from "@/lib/reports/render-pdf";
import { defaultMigrationsDir } from "@/lib/migrate/run-migrations";
import { assertSchemaReady } from "@/lib/sync/import/assert-schema";
import { parseOptions, UsageError, type Command } from "@/cli/commands";
import { withDatabase } from "@/cli/with-database";

type Options = { asOf?: Date; framework?: ReportFrameworkId; format: "json" | "csv" | "pdf"; out?: string };

/** Validates every option before the database is touched; each problem names its option. */
export function parseReportOptions(args: string[]): Options {
  const { values } = parseOptions(args, {
    "as-of": { type: "string" },
    framework: { type: "string" },
    format: { type: "string", default: "json" },
    out: { type: "string" },
  });
  const format = values.format;
  if (format !== "json" && format !== "csv" && format !== "pdf") throw new UsageError(`--format: must be json, csv or pdf, not "${format}"`);
  const parsed = reportOptionsSchema.safeParse({ asOf: values["as-of"], framework: values.framework });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const option = issue.path[0] === "asOf" ? "--as-of" : "--framework";
    throw new UsageError(`${option}: ${issue.message.replace(/^(asOf|framework) /, "")}`);
  }
  if (format === "pdf" && !values.out) throw new UsageError("--out: a PDF needs a file to go to (--out report.pdf)");
  return {
    asOf: parsed.data.asOf === undefined ? undefined : parseReportInstant(parsed.data.asOf),
    framework: parsed.data.framework,
    format,
    out: values.out,
  };
}

/**
 * `keyward report`: the compliance report (docs/reports.md) as JSON or CSV to stdout or `--out`,
 * or as PDF to `--out`; `--as-of` reports the posture recorded at an earlier instant.
 */
export const reportCommand: Command = {
  summary: `compliance report; --framework ${REPORT_FRAMEWORKS.join("|")}; --as-of T for a past instant`,
  usage: "report [--as-of T] [--format json|csv|pdf] [--out FILE]",
  async run(args) {
    const options = parseReportOptions(args);
    return withDatabase(async ({ url }) => {
      await assertSchemaReady(url, { migrationsDir: defaultMigrationsDir() });
      try {
        const report = await buildComplianceReport(systemCaller("cli report"), { asOf: options.asOf, framework: options.framework });
        const body =
          options.format === "pdf" ? await renderReportPdf(report) : options.format === "csv" ? complianceReportCsv(report) : complianceReportJson(report);
        if (!options.out) {
          process.stdout.write(body);
          return 0;
        }
        await fs.writeFile(options.out, body);
        console.error(`compliance report as of ${report.asOf} written to ${options.out} (${options.format}, ${Buffer.byteLength(body)} bytes)`);
        return 0;
      } finally {
        await getDb().$disconnect();
      }
    });
  },
};
