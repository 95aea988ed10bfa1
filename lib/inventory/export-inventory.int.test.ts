import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemCaller, type Caller } from "@/lib/auth/session-context";
import { exportInventory } from "@/lib/inventory/export-inventory";
import { writeExportCsvFolder } from "@/lib/inventory/export-csv";
import { exportDocumentSchema } from "@/lib/inventory/export-schema";
import { EXPORT_PAGE_ROWS } from "@/lib/inventory/export-window";
import { comparable, exportAsJson, type ExportedDocument } from "@/lib/inventory/testing/export-fixtures";
import { importPath } from "@/lib/sync/import/import-path";
import { DEMO_DIR, identityEntry, importOptions, keywardDoc, tempFolder } from "@/lib/sync/import/testing/import-fixtures";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

const demoSource = (provider: string) => `demo-${provider}`;

async function importInto(t: TestDatabase, root: string, source: ImportSource = demoSource) {
  const report = await importPath(root, importOptions(t.url, { source }));
  expect(report.notes).toEqual([]);
  expect(report.ok).toBe(true);
  return report;
}
type ImportSource = string | ((provider: string) => string);

describe("export: round trip of the demo organisation", () => {
  const dbs: TestDatabase[] = [];
  const folder = tempFolder();
  let original: ExportedDocument;
  beforeAll(async () => {
    for (let i = 0; i < 3; i++) dbs.push(await createTestDatabase());
    await importInto(dbs[0]!, DEMO_DIR);
    original = await exportAsJson(dbs[0]!.db);
  });
  afterAll(async () => {
    folder.remove();
    await Promise.all(dbs.map((t) => t.drop()));
  });

  it("writes a document that matches the published schema and the contract", () => {
    expect(exportDocumentSchema.safeParse(original).success).toBe(true);
    expect([
      original.identities.length,
      original.credentials.length,
      original.resources.length,
      original.edges.length,
      original.people.length,
    ]).toEqual([40, 80, 21, 109, 25]);
    const ids = new Set(original.identities.map((i) => i.id));
    const withIdentity = original.credentials.filter((c) => c.identityRef !== null);
    expect(withIdentity.length).toBeGreaterThan(40);
    expect(withIdentity.every((c) => ids.has(c.identityId))).toBe(true);
    const deployBot = original.identities.find((i) => i.externalId === "arn:aws:iam::111122223333:user/deploy-bot");
    expect(deployBot).toMatchObject({
      source: "keyward",
      sourceName: "demo-keyward",
      status: "active",
      owner: { email: "omar.haddad@acme.example", provenance: "aws.tag:owner" },
    });
    const key = original.credentials.find((c) => c.externalId === "AKIADEMODPLY013333");
    expect(key).toMatchObject({
      identityId: deployBot!.id,
      owner: deployBot!.owner,
      fingerprint: expect.stringMatching(/^hmac-sha256:[0-9a-f]{64}$/),
    });
    expect(original.people.find((p) => p.email === "raj.patel@acme.example")).toMatchObject({
      status: "left",
      manager: "omar.haddad@acme.example",
      team: "Platform",
    });
  });

  it("JSON: importing the export into an empty database and exporting again gives the same inventory", async () => {
    const file = path.join(folder.dir, "export.json");
    fs.writeFileSync(file, JSON.stringify(original));
    await importInto(dbs[1]!, file, "demo-keyward");
    const again = await exportAsJson(dbs[1]!.db);
    // People come back through the Keyward document, so they live in a keyward source now; the
    // export deliberately does not say which import listed a person.
    expect(comparable(again)).toEqual(comparable(original));
  });

  it("CSV: an exported folder imports back to the same inventory", async () => {
    const csvDir = path.join(folder.dir, "csv");
    await writeExportCsvFolder(await exportInventory(systemCaller("test"), { db: dbs[0]!.db }), csvDir);
    expect(fs.readdirSync(csvDir).sort()).toEqual([
      "credentials.csv",
      "edges.csv",
      "findings.csv",
      "identities.csv",
      "people.csv",
      "resources.csv",
    ]);
    const report = await importInto(dbs[2]!, csvDir, "demo-keyward");
    expect(report.files.find((f) => f.path.endsWith("findings.csv"))).toMatchObject({ status: "ok", records: 0 });
    expect(comparable(await exportAsJson(dbs[2]!.db))).toEqual(comparable(original));
  });
});

describe("export: as of an instant, permissions, paging", () => {
  let t: TestDatabase;
  const folder = tempFolder();
  const times: Record<string, Date> = {};
  const ids = Array.from({ length: 10 }, (_, i) => `svc-${i}`);
  beforeAll(async () => {
    t = await createTestDatabase();
    times.before = new Date();
    await new Promise((r) => setTimeout(r, 20));
    folder.write("inv.json", keywardDoc({ identities: ids.map((id) => identityEntry(id)) }));
    await importInto(t, folder.dir, "as-of");
    times.loaded = new Date();
    await new Promise((r) => setTimeout(r, 20));
    folder.write("inv.json", keywardDoc({ identities: ids.slice(1).map((id) => identityEntry(id)) }));
    expect((await importPath(folder.dir, importOptions(t.url, { source: "as-of", complete: true }))).ok).toBe(true);
  });
  afterAll(async () => {
    folder.remove();
    await t.drop();
  });

  const names = (doc: ExportedDocument) => doc.identities.map((i) => `${i.externalId}:${i.status}`).sort();

  it("lists the records present at --as-of, and retired ones only with includeGone, as gone", async () => {
    expect((await exportAsJson(t.db, { asOf: times.before })).identities).toEqual([]);
    const then = await exportAsJson(t.db, { asOf: times.loaded });
    expect(then.asOf).toBe(times.loaded!.toISOString());
    expect(names(then)).toEqual(ids.map((id) => `${id}:unknown`));
    expect(then.identities.every((i) => i.goneSince === null)).toBe(true);
    expect(names(await exportAsJson(t.db))).toEqual(ids.slice(1).map((id) => `${id}:unknown`));
    const withGone = await exportAsJson(t.db, { includeGone: true });
    expect(withGone.identities.find((i) => i.externalId === "svc-0")).toMatchObject({
      status: "gone",
      goneSince: expect.any(String),
    });
  });

  it("requires reports:export: an owner may not export, an auditor may", async () => {
    const as = (role: Caller["role"]): Caller => ({ ...systemCaller("x"), type: "user", role });
    await expect(exportInventory(as("owner"), { db: t.db })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(exportInventory(as("auditor"), { db: t.db })).resolves.toMatchObject({ keyward: "inventory/v1" });
  });

  it("pages through more rows than one page, each exactly once and in natural-key order", async () => {
    const many = Array.from({ length: EXPORT_PAGE_ROWS * 2 + 37 }, (_, i) => identityEntry(`bulk-${String(i).padStart(5, "0")}`));
    folder.write("inv.json", keywardDoc({ identities: many }));
    await importInto(t, folder.dir, "bulk");
    const exported = (await exportAsJson(t.db)).identities.filter((i) => i.sourceName === "bulk").map((i) => i.externalId);
    expect(exported).toEqual(many.map((m) => m.externalId));
  });
});
