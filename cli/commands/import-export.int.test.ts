import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportDocumentSchema } from "@/lib/inventory/export-schema";
import { pdfLines } from "@/lib/reports/testing/pdf-inspect";
import { DEMO_DIR, identityEntry, keywardDoc, tempFolder } from "@/lib/sync/import/testing/import-fixtures";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

/** `keyward import` and `keyward export` as a user runs them: exit codes and output are contracts. */

const HOME = path.resolve(import.meta.dirname, "../..");

function keyward(args: string[], url: string, dataDir: string) {
  const env = { ...process.env, DATABASE_URL: url, KEYWARD_DATA_DIR: dataDir };
  const result = spawnSync(process.execPath, [path.join(HOME, "bin/keyward.mjs"), ...args], {
    env,
    encoding: "utf8",
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("keyward import / export (CLI)", () => {
  let t: TestDatabase;
  const folder = tempFolder();
  const dataDir = path.join(folder.dir, "data");
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    folder.remove();
    await t.drop();
  });

  it("import: exits 0 with a line per file and per source when every file loads", () => {
    const run = keyward(["import", DEMO_DIR], t.url, dataDir);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toContain(`${path.join(DEMO_DIR, "people.csv")}  people.directory-csv  25 record(s), loaded`);
    expect(lines).toContain(`${path.join(DEMO_DIR, "kubernetes.csv")}  keyward.inventory-csv  53 record(s), loaded`);
    expect(lines.filter((l) => l.startsWith('source "'))).toEqual([
      expect.stringMatching(
        /^source "keyward-import" \(keyward\): succeeded — identity: 40 added, 0 unchanged; credential: 80 added/,
      ),
      'source "people-import" (people): succeeded — person: 25 added, 0 unchanged',
    ]);
  });

  it("import: exits 1 with one line per problem (file: line: field: reason) and loads nothing", () => {
    const bad = path.join(folder.dir, "bad");
    fs.mkdirSync(bad);
    fs.writeFileSync(path.join(bad, "a.json"), keywardDoc({ identities: [identityEntry("new-1")] }));
    fs.writeFileSync(path.join(bad, "b.json"), keywardDoc({ identities: [identityEntry("new-2", { status: "sleeping" })] }));
    fs.writeFileSync(path.join(bad, "c.txt"), "hello\n");
    const run = keyward(["import", bad], t.url, dataDir);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${path.join(bad, "b.json")}: line 9: identities.0.status: Invalid option`);
    expect(run.stdout).toContain(`${path.join(bad, "c.txt")}: no known format recognises this file`);
    expect(run.stdout).toContain("nothing was loaded: 1 file(s) are malformed; fix them and import again");
  });

  it("export --format json: one document matching the published schema", () => {
    const run = keyward(["export", "--format", "json"], t.url, dataDir);
    expect(run.status, run.stderr).toBe(0);
    const document = JSON.parse(run.stdout) as { identities: unknown[]; credentials: unknown[] };
    expect(exportDocumentSchema.safeParse(document).success).toBe(true);
    expect([document.identities.length, document.credentials.length]).toEqual([40, 80]);
  });

  it("export --format csv: a section per kind to stdout, or importable files with --out", () => {
    const run = keyward(["export", "--format", "csv"], t.url, dataDir);
    expect(run.status, run.stderr).toBe(0);
    const headers = run.stdout.split("\r\n\r\n").map((section) => section.split(",")[0] + "," + section.split(",")[1]);
    expect(headers).toEqual(["kind,id", "kind,id", "kind,id", "kind,id", "kind,id", "kind,id"]);
    const out = path.join(folder.dir, "csv-out");
    const toFolder = keyward(["export", "--format", "csv", "--out", out, "--as-of", new Date().toISOString()], t.url, dataDir);
    expect(toFolder.status, toFolder.stderr).toBe(0);
    expect(fs.readFileSync(path.join(out, "people.csv"), "utf8").split("\r\n").filter(Boolean)).toHaveLength(26);
  });

  it("export: a bad --as-of or --format is a one-line usage error", () => {
    const asOf = keyward(["export", "--as-of", "2025-01-31T00:00:00"], t.url, dataDir);
    expect(asOf.status).toBe(2);
    expect(asOf.stderr.split("\n")[0]).toBe(
      "keyward: --as-of must be an ISO-8601 instant with a zone, e.g. 2025-01-31T00:00:00Z",
    );
    expect(keyward(["export", "--format", "xml"], t.url, dataDir).stderr.split("\n")[0]).toBe(
      "keyward: --format must be json, csv or pdf",
    );
    const pdfToTerminal = keyward(["export", "--format", "pdf"], t.url, dataDir);
    expect(pdfToTerminal.status).toBe(2);
    expect(pdfToTerminal.stderr.split("\n")[0]).toBe("keyward: --format pdf needs --out FILE");
  });

  it("export --format pdf --out FILE: the inventory summary as a PDF with the headline numbers", async () => {
    const out = path.join(folder.dir, "summary.pdf");
    // The CLI runs under the react-server condition: this goes through the child-process renderer.
    const run = keyward(["export", "--format", "pdf", "--out", out], t.url, dataDir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^inventory summary as of .* written to .*summary\.pdf \(pdf, \d+ bytes\)/);
    const bytes = fs.readFileSync(out);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = (await pdfLines(bytes)).map((l) => l.text);
    expect(text).toContain("Inventory summary");
    expect(text).toContain("Identities 40 non-human identities present");
    expect(text).toContain("Credentials 80 keys, secrets, tokens, certificates");
  });

  it("import: an unmigrated database fails with one line", async () => {
    const bare = await createTestDatabase({ migrate: false });
    try {
      const run = keyward(["import", DEMO_DIR], bare.url, dataDir);
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toMatch(/^keyward: the database is not migrated \(missing .*\); run `keyward migrate` first$/);
    } finally {
      await bare.drop();
    }
  });
});
