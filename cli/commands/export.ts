import fs from "node:fs";
import { finished } from "node:stream/promises";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { systemCaller } from "@/lib/auth/session-context";
import { writeExportCsv, writeExportCsvFolder } from "@/lib/inventory/export-csv";
import { withInventorySnapshot } from "@/lib/inventory/export-inventory";
import { writeExportJson } from "@/lib/inventory/export-json";
import { buildInventorySummary } from "@/lib/inventory/pdf/build-inventory-summary";
import { renderPdf } from "@/lib/pdf/render-pdf";
import { defaultMigrationsDir } from "@/lib/migrate/run-migrations";
import { assertSchemaReady } from "@/lib/sync/import/assert-schema";
import { parseOptions, UsageError, type Command } from "@/cli/commands";
import { withDatabase } from "@/cli/with-database";

const instant = z.iso.datetime({ offset: true });

/** `--as-of` is an instant: a date-time with a zone, never a local time that shifts with the machine. */
export function parseAsOf(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  if (!instant.safeParse(value).success) {
    throw new UsageError(`--as-of must be an ISO-8601 instant with a zone, e.g. 2025-01-31T00:00:00Z`);
  }
  return new Date(value);
}

/** Validates `--format` and `--out` before the database is touched. */
export function parseExportFormat(format: string | undefined, out: string | undefined): "json" | "csv" | "pdf" {
  const value = format ?? "json";
  if (value !== "json" && value !== "csv" && value !== "pdf") throw new UsageError("--format must be json, csv or pdf");
  // A PDF on a terminal is noise: it goes to a file.
  if (value === "pdf" && !out) throw new UsageError("--format pdf needs --out FILE");
  return value;
}

/**
 * `keyward export --format json|csv|pdf`: the PRODUCT.md export contract, read from one consistent
 * snapshot. JSON goes to stdout or `--out FILE`; CSV to stdout (one section per kind) or to
 * `--out FOLDER` (one importable file per kind); PDF is the inventory summary
 * (docs/inventory-pdf.md), to `--out FILE` only.
 */
export const exportCommand: Command = {
  summary: "export the inventory (json, csv) or its PDF summary [--as-of T] [--out PATH] [--include-gone]",
  usage: "export --format json|csv|pdf [options]",
  async run(args) {
    const { values } = parseOptions(args, {
      format: { type: "string" },
      "as-of": { type: "string" },
      out: { type: "string" },
      "include-gone": { type: "boolean" },
    });
    const out = values.out;
    const format = parseExportFormat(values.format, out);
    const asOf = parseAsOf(values["as-of"]);
    return withDatabase(async ({ url }) => {
      await assertSchemaReady(url, { migrationsDir: defaultMigrationsDir() });
      const db = getDb();
      try {
        if (format === "pdf") {
          const summary = await buildInventorySummary(systemCaller("cli export"), { asOf, db });
          const pdf = await renderPdf("inventory-summary", summary);
          fs.writeFileSync(out!, pdf);
          console.error(`inventory summary as of ${summary.asOf} written to ${out} (pdf, ${pdf.length} bytes)`);
          return 0;
        }
        const options = { asOf, includeGone: values["include-gone"] === true, db };
        const written = await withInventorySnapshot(systemCaller("cli export"), options, async (document) => {
          if (format === "csv" && out) return (await writeExportCsvFolder(document, out)).rows;
          if (!out)
            return format === "csv" ? writeExportCsv(document, process.stdout) : writeExportJson(document, process.stdout);
          const file = fs.createWriteStream(out);
          const count = await writeExportJson(document, file);
          file.end();
          await finished(file);
          return count;
        });
        if (out) console.error(`exported ${written} entries to ${out}`);
        return 0;
      } catch (error) {
        // The reader went away (`keyward export | head`): not an error of the export.
        if ((error as NodeJS.ErrnoException).code === "EPIPE") return 0;
        throw error;
      } finally {
        await db.$disconnect();
      }
    });
  },
};
