import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readCsv } from "@/connectors/keyward/text/csv-reader";
import { systemCaller } from "@/lib/auth/session-context";
import { buildEvidencePack } from "@/lib/evidence/build-evidence-pack";
import { findingsCsv } from "@/lib/evidence/findings-csv";
import { seedPayloadInventory, STORABLE_PAYLOADS } from "@/lib/evidence/testing/evidence-fixtures";
import { DANGEROUS_FIRST } from "@/lib/evidence/testing/formula-payloads";
import { neutraliseCell } from "@/lib/inventory/csv-cell";
import { writeExportCsv, writeExportCsvFolder } from "@/lib/inventory/export-csv";
import { exportInventory } from "@/lib/inventory/export-inventory";
import { exportInventorySelection } from "@/lib/inventory/inventory-query-export";
import { listFindings } from "@/lib/policy/list-findings";
import { buildComplianceReport } from "@/lib/reports/build-compliance-report";
import { complianceReportCsv } from "@/lib/reports/compliance-export";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

/*
 * T31 (CSV/formula injection) over EVERY CSV Keyward writes: each export below is produced from an
 * inventory whose names, environments, owners, tags, purposes and paths are formula payloads, read
 * back as RFC 4180, and no cell may start with a character a spreadsheet acts on. A new CSV export
 * belongs in `everyCsvExport`; the evidence pack's CSVs (also those of registered extra parts) are
 * covered by looping over every .csv in the pack.
 */

const caller = systemCaller("csv test");
let t: TestDatabase;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "kw-csv-exports-"));

async function streamed(write: (out: NodeJS.WritableStream & import("node:stream").Writable) => Promise<unknown>): Promise<string> {
  const { PassThrough } = await import("node:stream");
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  await write(out);
  out.end();
  return Buffer.concat(chunks).toString("utf8");
}

async function findingsCliCsv(): Promise<string> {
  const { findingsCommand } = await import("@/cli/commands/findings");
  const written: string[] = [];
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  const err = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    expect(await findingsCommand.run(["--format", "csv", "--status", "all"])).toBe(0);
  } finally {
    write.mockRestore();
    err.mockRestore();
  }
  return written.join("");
}

/** Every CSV export, by name → its text (a folder export gives one entry per file). */
async function everyCsvExport(): Promise<Record<string, string>> {
  const csv: Record<string, string> = {};
  csv["keyward export --format csv (stdout)"] = await streamed(async (out) => writeExportCsv(await exportInventory(caller), out));
  const dir = path.join(folder, "export");
  const { files } = await writeExportCsvFolder(await exportInventory(caller), dir);
  for (const file of files) csv[`keyward export --format csv --out (${path.basename(file)})`] = fs.readFileSync(file, "utf8");
  for (const kind of ["identities", "credentials"] as const) {
    const rows = kind === "identities" ? await t.db.identity.findMany({ select: { id: true } }) : await t.db.credential.findMany({ select: { id: true } });
    csv[`export selection as CSV (${kind})`] = (await exportInventorySelection(caller, { kind, ids: rows.map((r) => r.id) })).csv;
  }
  csv["findings CSV"] = findingsCsv(await listFindings(caller));
  csv["keyward findings --format csv"] = await findingsCliCsv();
  csv["compliance report CSV"] = complianceReportCsv(await buildComplianceReport(caller));
  const zip = await JSZip.loadAsync((await buildEvidencePack(caller)).zip);
  for (const entry of Object.values(zip.files).filter((f) => f.name.endsWith(".csv"))) {
    csv[`evidence pack ${entry.name}`] = await entry.async("string");
  }
  return csv;
}

let exports: Record<string, string>;
beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  await seedPayloadInventory(t.url);
  exports = await everyCsvExport();
}, 180_000);
afterAll(async () => {
  fs.rmSync(folder, { recursive: true, force: true });
  await t.drop();
});

describe("CSV injection: every export is spreadsheet-safe", () => {
  it("covers every CSV export Keyward has", () => {
    expect(Object.keys(exports)).toEqual(
      expect.arrayContaining([
        "keyward export --format csv (stdout)",
        "keyward export --format csv --out (identities.csv)",
        "keyward export --format csv --out (credentials.csv)",
        "export selection as CSV (identities)",
        "export selection as CSV (credentials)",
        "findings CSV",
        "compliance report CSV",
        "keyward findings --format csv",
        "evidence pack inventory/inventory.csv",
        "evidence pack findings/findings.csv",
      ]),
    );
  });

  it("no parsed cell of any export starts with a formula lead, and the payloads are there, neutralised", () => {
    for (const [name, text] of Object.entries(exports)) {
      const cells = readCsv(text).flatMap((row) => row.fields);
      const dangerous = cells.filter((cell) => DANGEROUS_FIRST.test(cell));
      expect(dangerous, name).toEqual([]);
      // People, resources and edges hold no payload; the export's findings section names no
      // subject; the compliance report holds rule and control texts only.
      if (/people|resources|edges|\(findings\.csv\)|compliance/.test(name)) continue;
      for (const payload of STORABLE_PAYLOADS) expect(cells, `${name}: ${JSON.stringify(payload)}`).toContain(neutraliseCell(payload));
    }
  });
});
