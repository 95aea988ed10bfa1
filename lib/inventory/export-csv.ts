import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { Writable } from "node:stream";
import { csvRow, dottedValue } from "@/lib/inventory/csv-cell";
import { EXPORT_CSV_COLUMNS, KIND_OF_SECTION } from "@/lib/inventory/export-csv-columns";
import { ChunkedWriter } from "@/lib/inventory/export-json";
import { EXPORT_SECTIONS, type ExportSection, type InventoryExport } from "@/lib/inventory/export-types";

async function writeSection(document: InventoryExport, section: ExportSection, writer: ChunkedWriter): Promise<number> {
  const columns = EXPORT_CSV_COLUMNS[section];
  await writer.write(csvRow(columns));
  let rows = 0;
  for await (const entry of document[section] as AsyncIterable<unknown>) {
    await writer.write(
      csvRow(columns.map((column) => (column === "kind" ? KIND_OF_SECTION[section] : dottedValue(entry, column)))),
    );
    rows += 1;
  }
  return rows;
}

/**
 * CSV to one stream: a section per kind, each with its own header row, separated by a blank line.
 * For files that import back one by one, use `writeExportCsvFolder`.
 */
export async function writeExportCsv(document: InventoryExport, out: Writable): Promise<number> {
  const writer = new ChunkedWriter(out);
  let rows = 0;
  for (const [index, section] of EXPORT_SECTIONS.entries()) {
    if (index > 0) await writer.write("\r\n");
    rows += await writeSection(document, section, writer);
  }
  await writer.flush();
  return rows;
}

/** CSV into a folder: `<section>.csv` per kind (identities.csv, credentials.csv, …). */
export async function writeExportCsvFolder(
  document: InventoryExport,
  folder: string,
): Promise<{ files: string[]; rows: number }> {
  fs.mkdirSync(folder, { recursive: true });
  const files: string[] = [];
  let rows = 0;
  for (const section of EXPORT_SECTIONS) {
    const file = path.join(folder, `${section}.csv`);
    const out = fs.createWriteStream(file);
    const writer = new ChunkedWriter(out);
    rows += await writeSection(document, section, writer);
    await writer.flush();
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    files.push(file);
  }
  return { files, rows };
}
