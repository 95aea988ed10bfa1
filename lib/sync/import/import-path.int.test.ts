import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { importPath } from "@/lib/sync/import/import-path";
import { ImportError } from "@/lib/sync/import/import-types";
import {
  DEMO_DIR,
  EMPTY_COUNTS,
  identityEntry,
  IMPORT_KEYS,
  importOptions,
  keywardDoc,
  tableCounts,
  tempFolder,
} from "@/lib/sync/import/testing/import-fixtures";
import { auditEventsAfter, inventoryVersions, lastAuditId, query } from "@/lib/sync/testing/run-fixtures";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

const demoSource = (provider: string) => `demo-${provider}`;

describe("importPath: the demo organisation, twice", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it("loads every demo file into one source per provider", async () => {
    const report = await importPath(DEMO_DIR, importOptions(t.url, { source: demoSource }));
    expect(report.notes).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.files.every((f) => f.status === "ok" && f.loaded)).toBe(true);
    expect(report.sources.map((s) => [s.name, s.provider, s.summary.status])).toEqual([
      ["demo-keyward", "keyward", "succeeded"],
      ["demo-people", "people", "succeeded"],
    ]);
    expect(await tableCounts(t.url)).toMatchObject({
      sources: 2,
      sync_runs: 2,
      identities: 40,
      credentials: 80,
      resources: 21,
      edges: 109,
      people: 25,
    });
    const unresolved = await query(t.url, "SELECT id FROM credentials WHERE identity_ref IS NOT NULL AND identity_id IS NULL");
    expect(unresolved).toEqual([]);
  });

  it("changes nothing the second time: no row written, only each run's own completion event", async () => {
    const versions = await inventoryVersions(t.url);
    const lastEvent = await lastAuditId(t.url);
    const report = await importPath(DEMO_DIR, importOptions(t.url, { source: demoSource }));
    expect(report.ok).toBe(true);
    for (const source of report.sources) {
      for (const counts of Object.values(source.summary.counts))
        expect(counts).toMatchObject({ added: 0, updated: 0, gone: 0, returned: 0 });
    }
    expect(await inventoryVersions(t.url)).toEqual(versions);
    const events = await auditEventsAfter(t.url, lastEvent);
    expect(events.map((e) => e.action)).toEqual(["sync.completed", "sync.completed"]);
    expect((await tableCounts(t.url)).sync_runs).toBe(4);
    expect(await verifyAuditChain(t.db, IMPORT_KEYS.auditKey)).toMatchObject({ ok: true });
  });
});

describe("importPath: a malformed file changes nothing", () => {
  let t: TestDatabase;
  let folder: ReturnType<typeof tempFolder>;
  beforeEach(async () => {
    t = await createTestDatabase();
    folder = tempFolder();
  });
  afterEach(async () => {
    folder.remove();
    await t.drop();
  });

  it("loads nothing at all when one file of a directory is malformed, and names file, field and line", async () => {
    fs.cpSync(DEMO_DIR, folder.dir, { recursive: true });
    folder.write(
      "zz-broken.json",
      keywardDoc({ identities: [identityEntry("svc-1"), identityEntry("svc-2", { type: "robot" })] }),
    );
    const report = await importPath(folder.dir, importOptions(t.url));
    expect(report.ok).toBe(false);
    expect(report.sources).toEqual([]);
    expect(report.notes).toEqual(["nothing was loaded: 1 file(s) are malformed; fix them and import again"]);
    const broken = report.files.find((f) => f.path.endsWith("zz-broken.json"));
    expect(broken).toMatchObject({
      status: "invalid",
      loaded: false,
      errors: [{ field: "identities.1.type", line: 14, reason: expect.any(String) }],
    });
    expect(report.files.filter((f) => f.status === "ok")).toHaveLength(6);
    expect(await tableCounts(t.url)).toEqual(EMPTY_COUNTS);
  });

  it("refuses --source for files of two providers before writing anything", async () => {
    await expect(importPath(DEMO_DIR, importOptions(t.url, { source: "one" }))).rejects.toMatchObject({
      code: "SOURCE_AMBIGUOUS",
    });
    expect(await tableCounts(t.url)).toEqual(EMPTY_COUNTS);
  });

  it("fails with one line when the database is not migrated", async () => {
    const bare = await createTestDatabase({ migrate: false });
    try {
      await expect(importPath(DEMO_DIR, importOptions(bare.url))).rejects.toThrow(/not migrated.*keyward migrate/);
    } finally {
      await bare.drop();
    }
  });

  it("rejects a path that does not exist", async () => {
    await expect(importPath(path.join(folder.dir, "nope"), importOptions(t.url))).rejects.toBeInstanceOf(ImportError);
  });
});

describe("importPath: --complete, --environment and unrecognised files", () => {
  let t: TestDatabase;
  let folder: ReturnType<typeof tempFolder>;
  const ids = Array.from({ length: 10 }, (_, i) => `svc-${i}`);
  const presentIds = async () =>
    (
      await query<{ external_id: string }>(
        t.url,
        "SELECT external_id FROM identities WHERE gone_since IS NULL ORDER BY external_id",
      )
    ).map((r) => r.external_id);

  beforeAll(async () => {
    t = await createTestDatabase();
    folder = tempFolder();
  });
  afterAll(async () => {
    folder.remove();
    await t.drop();
  });

  it("applies --environment to records that name none and names the source <provider>-import", async () => {
    folder.write(
      "inv.json",
      keywardDoc({ identities: ids.map((id) => identityEntry(id, id === "svc-0" ? { environment: "prod" } : {})) }),
    );
    const report = await importPath(folder.dir, importOptions(t.url, { environment: "qa" }));
    expect(report.sources.map((s) => s.name)).toEqual(["keyward-import"]);
    const envs = await query<{ external_id: string; environment: string }>(
      t.url,
      "SELECT external_id, environment FROM identities ORDER BY external_id",
    );
    expect(envs[0]).toEqual({ external_id: "svc-0", environment: "prod" });
    expect(envs.slice(1).every((r) => r.environment === "qa")).toBe(true);
  });

  it("retires nothing without --complete", async () => {
    folder.write("inv.json", keywardDoc({ identities: ids.slice(1).map((id) => identityEntry(id)) }));
    expect((await importPath(folder.dir, importOptions(t.url))).ok).toBe(true);
    expect(await presentIds()).toEqual(ids);
  });

  it("with --complete but an unrecognised file, loads the rest and still retires nothing", async () => {
    folder.write("notes.txt", "not an export\n");
    const report = await importPath(folder.dir, importOptions(t.url, { complete: true }));
    expect(report.ok).toBe(false);
    expect(report.files.find((f) => f.path.endsWith("notes.txt"))).toMatchObject({ status: "unrecognised" });
    expect(report.notes).toEqual(["nothing was marked gone: 1 file(s) were not read, so the files are not known to be complete"]);
    expect(await presentIds()).toEqual(ids);
  });

  it("with --complete and every file read, marks what the files no longer hold gone", async () => {
    fs.rmSync(path.join(folder.dir, "notes.txt"));
    const report = await importPath(folder.dir, importOptions(t.url, { complete: true }));
    expect(report.ok).toBe(true);
    expect(report.sources[0]!.summary.counts.identity).toMatchObject({ gone: 1 });
    expect(await presentIds()).toEqual(ids.slice(1));
  });

  it("holds a --complete import that would retire too large a share, and says so", async () => {
    const many = Array.from({ length: 20 }, (_, i) => identityEntry(`held-${String(i).padStart(2, "0")}`));
    const held = tempFolder({ "inv.json": keywardDoc({ identities: many }) });
    try {
      expect((await importPath(held.dir, importOptions(t.url, { source: "held" }))).ok).toBe(true);
      held.write("inv.json", keywardDoc({ identities: many.slice(10) }));
      const report = await importPath(held.dir, importOptions(t.url, { source: "held", complete: true }));
      expect(report.ok).toBe(false);
      expect(report.sources[0]!.summary.status).toBe("held");
      expect(report.files[0]).toMatchObject({ status: "ok", loaded: true });
      expect(report.notes).toEqual([expect.stringMatching(/^source "held": loaded, but marking 10 of 20 keyward.identity records gone is held/)]);
      const gone = await query(t.url, "SELECT 1 FROM identities WHERE gone_since IS NOT NULL AND external_id LIKE 'held-%'");
      expect(gone).toEqual([]);
    } finally {
      held.remove();
    }
  });
});
