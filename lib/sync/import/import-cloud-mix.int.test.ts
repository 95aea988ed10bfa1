import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPath } from "@/lib/sync/import/import-path";
import { reportLines } from "@/lib/sync/import/report-lines";
import { importOptions, tableCounts, tempFolder } from "@/lib/sync/import/testing/import-fixtures";
import { query } from "@/lib/sync/testing/run-fixtures";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

/*
 * One folder holding every offline format of the three cloud connectors (the AWS CLI outputs, the
 * gcloud exports and the saved Microsoft Graph pages), imported at once: every file is recognised
 * by its own provider's format, each provider loads into its own source, and a fact that two files
 * repeat (a user in the credential report and in list-access-keys, a certificate in
 * list-certificates and describe-certificate, a service account in the accounts list and in its
 * key list) is one row. The same files imported provider by provider give the same rows.
 */

const CONNECTORS = path.resolve(import.meta.dirname, "../../../connectors");
const FIXTURES = { aws: "aws/__fixtures__/cli", gcp: "gcp/__fixtures__/gcloud", azure: "azure/__fixtures__/graph" };
type Provider = keyof typeof FIXTURES;
const PROVIDERS = Object.keys(FIXTURES) as Provider[];

function copyFixtures(into: string, providers: readonly Provider[]): void {
  for (const provider of providers)
    fs.cpSync(path.join(CONNECTORS, FIXTURES[provider]), path.join(into, provider), { recursive: true });
}

const countFiles = (dir: string): number =>
  fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;

describe("keyward import over a folder mixing AWS, Google Cloud and Azure exports", () => {
  let mixed: TestDatabase;
  let separate: TestDatabase;
  const folder = tempFolder();
  beforeAll(async () => {
    [mixed, separate] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    copyFixtures(folder.dir, PROVIDERS);
  });
  afterAll(async () => {
    folder.remove();
    await Promise.all([mixed.drop(), separate.drop()]);
  });

  it("recognises every file by its provider's format and loads each provider into its own source", async () => {
    const lines: string[] = [];
    const report = await importPath(folder.dir, importOptions(mixed.url, { log: (l) => lines.push(l) }));
    expect(report.notes).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.files).toHaveLength(countFiles(folder.dir));
    for (const file of report.files) {
      expect(file, file.path).toMatchObject({ status: "ok", loaded: true, errors: [] });
      expect(file.provider, file.path).toBe(path.relative(folder.dir, file.path).split(path.sep)[0]);
      expect(file.format?.startsWith(`${file.provider}.`), file.path).toBe(true);
      expect(file.records, file.path).toBeGreaterThan(0);
    }
    expect(new Set(report.files.map((f) => f.format)).size).toBeGreaterThanOrEqual(9 + 3 + 5);
    expect(report.sources.map((s) => [s.name, s.provider, s.summary.status]).sort()).toEqual([
      ["aws-import", "aws", "succeeded"],
      ["azure-import", "azure", "succeeded"],
      ["gcp-import", "gcp", "succeeded"],
    ]);

    // The report a person reads names, per file, the format detected and the records it held.
    const printed = reportLines(report);
    for (const file of report.files)
      expect(printed).toContain(`${file.path}  ${file.format}  ${file.records} record(s), loaded`);
  });

  it("counts a fact repeated by two files once", async () => {
    const svcDeployer = await query(mixed.url, "SELECT id FROM identities WHERE name = 'svc-deployer' AND external_type LIKE 'aws.%'");
    expect(svcDeployer).toHaveLength(1);
    const certificates = await query<{ n: string }>(
      mixed.url,
      "SELECT count(*)::text AS n FROM credentials WHERE external_type = 'aws.acm_certificate' GROUP BY external_id HAVING count(*) > 1",
    );
    expect(certificates).toEqual([]);
    const dupes = await query(
      mixed.url,
      `SELECT t, external_type, external_id FROM (
         SELECT 'identity' AS t, source_id, external_type, external_id FROM identities
         UNION ALL SELECT 'credential', source_id, external_type, external_id FROM credentials
         UNION ALL SELECT 'resource', source_id, external_type, external_id FROM resources) r
       GROUP BY t, external_type, external_id HAVING count(*) > 1`,
    );
    expect(dupes).toEqual([]);
    const gcpAccounts = await query<{ name: string }>(
      mixed.url,
      "SELECT i.name FROM identities i JOIN sources s ON s.id = i.source_id WHERE s.provider = 'gcp' ORDER BY i.name",
    );
    expect(new Set(gcpAccounts.map((a) => a.name)).size).toBe(gcpAccounts.length);
  });

  it("gives the same rows as importing each provider's folder on its own", async () => {
    for (const provider of PROVIDERS) {
      const own = tempFolder();
      try {
        copyFixtures(own.dir, [provider]);
        const report = await importPath(own.dir, importOptions(separate.url));
        expect(report.ok, provider).toBe(true);
      } finally {
        own.remove();
      }
    }
    const rows = (url: string) =>
      query(
        url,
        `SELECT s.provider, k.kind, k.external_type, k.external_id FROM (
           SELECT 'identity' AS kind, source_id, external_type, external_id FROM identities
           UNION ALL SELECT 'credential', source_id, external_type, external_id FROM credentials
           UNION ALL SELECT 'resource', source_id, external_type, external_id FROM resources) k
         JOIN sources s ON s.id = k.source_id ORDER BY 1, 2, 3, 4`,
      );
    const [mixedRows, separateRows] = await Promise.all([rows(mixed.url), rows(separate.url)]);
    expect(mixedRows.length).toBeGreaterThan(0);
    expect(mixedRows).toEqual(separateRows);
    const { sync_runs: _m, audit_events: _ma, ...mixedCounts } = await tableCounts(mixed.url);
    const { sync_runs: _s, audit_events: _sa, ...separateCounts } = await tableCounts(separate.url);
    expect(mixedCounts).toEqual(separateCounts);
  });
});
