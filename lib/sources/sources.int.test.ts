import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import type { Caller } from "@/lib/auth/session-context";
import type { Role } from "@/lib/auth/permissions";
import type { Worker } from "@/lib/jobs/worker";
import { issue } from "@/connectors/certificates/__fixtures__/test-pki";
import { exportAsJson } from "@/lib/inventory/testing/export-fixtures";
import { dumpDatabase, leakForms } from "@/lib/sync/import/testing/dump-database";
import { identityEntry, keywardDoc } from "@/lib/sync/import/testing/import-fixtures";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

/*
 * The Sources data layer against a real PostgreSQL: every mutation refused to the wrong role and
 * audited for the right one; secrets encrypted, write-only and usable (a real "Test connection"
 * logs in with the decrypted password); "Sync now" through pg-boss to a real worker and a live
 * sync whose progress reaches 100 %; upload import; and the canary: the stored secret appears in
 * no DTO, export, audit row or table.
 */

let t: TestDatabase;
let save: typeof import("@/lib/sources/save-source");
let remove: typeof import("@/lib/sources/delete-source");
let read: typeof import("@/lib/sources/read-sources");
let status: typeof import("@/lib/sources/sync-status");
let request: typeof import("@/lib/sources/request-sync");
let sender: typeof import("@/lib/sources/sync-sender");
let connection: typeof import("@/lib/sources/test-connection");
let upload: typeof import("@/lib/sources/import-upload");
let worker: Worker | undefined;

const caller = (role: Role): Caller => ({ type: "user", userId: null, email: `${role}@example.com`, name: null, role, sessionId: null });
const admin = caller("admin");
const analyst = caller("analyst");

/** The canary: the password of a real login role, so "Test connection" can only pass if it is decrypted. */
const CANARY = `KwCanary-${Math.random().toString(36).slice(2, 10)}-Pw!9`;
const ROLE = `kw_src_${Math.random().toString(36).slice(2, 8)}`;
const server = new URL(inject("adminDatabaseUrl"));
let dbSourceId: string;
let certDir: string;
const everything: unknown[] = [];

async function onAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function state() {
  const [audit, sources, runs] = await Promise.all([
    t.db.auditEvent.count(),
    t.db.source.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true, config: true, schedule: true, environment: true, credentialsEncrypted: true } }),
    t.db.syncRun.count(),
  ]);
  return { audit, sources, runs };
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const dbForm = (extra: Record<string, string> = {}) => ({
  provider: "database-roles",
  name: "Billing database",
  environment: "prod",
  schedule: "",
  "config.engine": "postgres",
  "config.connection.host": server.hostname,
  "config.connection.port": server.port || "5432",
  "config.connection.user": ROLE,
  "config.connection.database": "postgres",
  "config.password": CANARY,
  "config.tls.mode": "disable",
  ...extra,
});

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  await onAdmin(`CREATE ROLE ${ROLE} LOGIN PASSWORD '${CANARY}'`);
  save = await import("@/lib/sources/save-source");
  remove = await import("@/lib/sources/delete-source");
  read = await import("@/lib/sources/read-sources");
  status = await import("@/lib/sources/sync-status");
  request = await import("@/lib/sources/request-sync");
  sender = await import("@/lib/sources/sync-sender");
  connection = await import("@/lib/sources/test-connection");
  upload = await import("@/lib/sources/import-upload");
  dbSourceId = (await save.createSource(admin, dbForm())).id;
  certDir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-source-certs-"));
  fs.writeFileSync(path.join(certDir, "leaf.pem"), (await issue({ cn: "billing.example.com", toDays: 200 })).pem);
});

afterAll(async () => {
  await worker?.stop();
  await sender.stopSyncSender();
  const { getDb } = await import("@/lib/db");
  await getDb().$disconnect();
  await t.drop();
  await onAdmin(`DROP ROLE IF EXISTS ${ROLE}`);
  fs.rmSync(certDir, { recursive: true, force: true });
});

describe("authorisation", () => {
  const file = { name: "x.json", data: new TextEncoder().encode(keywardDoc({ identities: [identityEntry("svc-x")] })) };
  const attempts = {
    create: (c: Caller) => save.createSource(c, dbForm({ name: "Other" })),
    updateConfig: (c: Caller) => save.updateSourceConfig(c, dbSourceId, { name: "Renamed" }),
    updateSchedule: (c: Caller) => save.updateSourceSchedule(c, dbSourceId, { schedule: "0 3 * * *" }),
    delete: (c: Caller) => remove.deleteSource(c, dbSourceId, "Billing database"),
    testConnection: (c: Caller) => connection.testSourceConnection(c, dbSourceId),
    syncNow: (c: Caller) => request.requestSync(c, dbSourceId),
    upload: (c: Caller) => upload.importUploadedFiles(c, dbSourceId, [file]),
    list: (c: Caller) => read.listSources(c),
    detail: (c: Caller) => read.getSourceDetail(c, dbSourceId),
    progress: (c: Caller) => status.getSyncStatus(c, dbSourceId),
  };
  const refused: Array<[Role, Array<keyof typeof attempts>]> = [
    ["analyst", ["create", "updateConfig", "updateSchedule", "delete", "testConnection"]],
    ["owner", Object.keys(attempts) as Array<keyof typeof attempts>],
    ["auditor", Object.keys(attempts) as Array<keyof typeof attempts>],
  ];
  for (const [role, names] of refused) {
    it(`refuses ${names.join(", ")} to ${role}s and writes nothing`, async () => {
      const before = await state();
      for (const name of names) await expect(attempts[name](caller(role)), name).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await state()).toEqual(before);
    });
  }
});

describe("adding and editing a source", () => {
  it("stores the secret encrypted, shows it only as set, and audits field names", async () => {
    const row = await t.db.source.findUniqueOrThrow({ where: { id: dbSourceId } });
    expect(row.config).toEqual({ engine: "postgres", connection: { host: server.hostname, port: Number(server.port || 5432), user: ROLE, database: "postgres" }, tls: { mode: "disable" } });
    expect(row.credentialsEncrypted?.length).toBeGreaterThan(60);
    const detail = await read.getSourceDetail(analyst, dbSourceId);
    expect(detail.secrets).toEqual([{ field: "password", label: "Password", set: true }]);
    expect(detail.configText).not.toHaveProperty("password");
    expect(detail.connector.permissions.length).toBeGreaterThan(0);
    everything.push(detail, await read.listSources(analyst));
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "source.created", targetId: dbSourceId } });
    expect(event.summary).toMatchObject({ name: "Billing database", provider: "database-roles", fields: ["connection", "engine", "password", "tls"] });
  });

  it("hands the connector the decrypted password, and tests the connection with it", async () => {
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    const { loadSourceForSync } = await import("@/lib/sources/source-secrets");
    const { getInstanceKeys } = await import("@/lib/runtime/instance-keys");
    const loaded = await loadSourceForSync(client, dbSourceId, getInstanceKeys().encryptionKey).finally(() => client.end());
    expect(loaded.config).toMatchObject({ engine: "postgres", password: CANARY, connection: { user: ROLE } });
    // The server may trust loopback logins (then any password passes); the check still proves the
    // merged config parses and reaches the server as the configured user.
    expect(await connection.testSourceConnection(admin, dbSourceId, { connectionString: t.url })).toMatchObject({ ok: true, detail: expect.stringContaining("connected to") });
  });

  it("reports a stored config the connector cannot parse, naming the field only", async () => {
    await t.db.source.create({ data: { provider: "database-roles", name: "Half configured", config: { engine: "postgres" } } });
    const half = (await read.listSources(admin)).find((s) => s.name === "Half configured")!;
    expect(await connection.testSourceConnection(admin, half.id, { connectionString: t.url })).toEqual({
      ok: false,
      detail: expect.stringContaining("connection"),
    });
    await remove.deleteSource(admin, half.id, "Half configured");
  });

  it("keeps the stored secret when its input is left empty, and audits which fields changed", async () => {
    const sealed = (await t.db.source.findUniqueOrThrow({ where: { id: dbSourceId } })).credentialsEncrypted;
    const unchanged = await save.updateSourceConfig(admin, dbSourceId, { ...dbForm(), "config.password": "" });
    expect(unchanged.changed).toEqual([]);
    expect((await t.db.source.findUniqueOrThrow({ where: { id: dbSourceId } })).credentialsEncrypted).toEqual(sealed);

    const renamed = await save.updateSourceConfig(admin, dbSourceId, { ...dbForm(), name: "Billing DB", "config.password": "", "config.connection.database": "template1" });
    expect(renamed.changed).toEqual(["name", "config.connection"]);
    expect(await connection.testSourceConnection(admin, dbSourceId, { connectionString: t.url })).toMatchObject({ ok: true });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "source.updated", targetId: dbSourceId }, orderBy: { id: "desc" } });
    expect(event.summary).toEqual({ name: "Billing DB", fields: ["name", "config.connection"] });
  });

  it.each([
    [{ name: "" }, "name"],
    [{ "config.connection.host": "" }, "config.connection.host"],
    [{ "config.connection.port": "5432.5" }, "config.connection.port"],
    [{ "config.engine": "oracle" }, "config.engine"],
    [{ schedule: "every tuesday" }, "schedule"],
    [{ provider: "no-such-thing" }, "provider"],
  ])("refuses %o naming %s, writing nothing", async (change, field) => {
    const before = await state();
    await expect(save.createSource(admin, dbForm({ name: "New", ...change }))).rejects.toMatchObject({ code: "INVALID_INPUT", field });
    expect(await state()).toEqual(before);
  });

  it("refuses a second source of the same name", async () => {
    await expect(save.createSource(admin, dbForm({ name: "Billing DB" }))).rejects.toMatchObject({ code: "CONFLICT", field: "name" });
  });

  it("saves a cron schedule with its next three runs, and the environment", async () => {
    expect(await save.updateSourceSchedule(admin, dbSourceId, { schedule: " 0 3 * * * ", environment: "staging" })).toEqual({ changed: ["schedule", "environment"] });
    const detail = await read.getSourceDetail(admin, dbSourceId);
    expect(detail).toMatchObject({ schedule: "0 3 * * *", environment: "staging" });
    expect(detail.nextRuns).toHaveLength(3);
    expect(detail.nextRuns.every((iso) => iso.endsWith("T03:00:00.000Z"))).toBe(true);
    await expect(save.updateSourceSchedule(admin, dbSourceId, { schedule: "61 * * * *" })).rejects.toMatchObject({ code: "INVALID_INPUT", field: "schedule" });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "source.updated", targetId: dbSourceId }, orderBy: { id: "desc" } });
    expect(event.summary).toEqual({ name: "Billing DB", fields: ["schedule", "environment"] });
  });
});

describe("sync now", () => {
  it("queues a live sync at once, and a worker runs it to 100 %", async () => {
    const { startWorker } = await import("@/lib/jobs/worker");
    const source = await save.createSource(admin, {
      provider: "certificates",
      name: "Certificate files",
      "config.paths": certDir,
    });
    const { jobId } = await request.requestSync(analyst, source.id, { connectionString: t.url });
    expect(jobId).toEqual(expect.any(String));
    // No worker yet: the request shows as queued, and a second one is absorbed by it.
    expect(await status.getSyncStatus(analyst, source.id)).toEqual({ pending: { state: "queued", since: expect.any(String) }, run: null });
    expect((await request.requestSync(analyst, source.id, { connectionString: t.url })).jobId).toBeNull();
    const requested = await t.db.auditEvent.findMany({ where: { action: "sync.requested", targetId: source.id }, orderBy: { id: "asc" } });
    expect(requested.map((e) => [e.actorLabel, (e.summary as { alreadyQueued: boolean }).alreadyQueued])).toEqual([
      ["analyst@example.com", false],
      ["analyst@example.com", true],
    ]);

    worker = await startWorker(t.url, () => undefined, { pollingIntervalSeconds: 0.5, schedule: false, db: t.db });
    const done = await until(async () => {
      const now = await status.getSyncStatus(analyst, source.id);
      return now.run && now.run.status !== "running" && now.pending === null ? now : undefined;
    });
    expect(done.run).toMatchObject({ status: "succeeded", mode: "live", requestedBy: "analyst@example.com" });
    expect(done.run!.progress.unitsTotal).toBeGreaterThan(0);
    expect(done.run!.progress.unitsDone).toBe(done.run!.progress.unitsTotal);
    expect(done.run!.counts.credential?.added).toBeGreaterThanOrEqual(1);
    everything.push(done);
  }, 60_000);

  it("refuses sync now for a files-only source", async () => {
    const source = await save.createSource(admin, { provider: "keyward", name: "Spreadsheet" });
    await expect(request.requestSync(admin, source.id, { connectionString: t.url })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("import by upload", () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  it("loads every file through the importer, reports each, and audits the upload", async () => {
    const source = await read.listSources(admin).then((all) => all.find((s) => s.name === "Spreadsheet")!);
    const report = await upload.importUploadedFiles(analyst, source.id, [
      { name: "exports/identities.json", data: encode(keywardDoc({ identities: [identityEntry("svc-upload")] })) },
      { name: "notes.txt", data: encode("nothing to see") },
    ], { connectionString: t.url });
    expect(report.files.map((f) => [f.path, f.status, f.format, f.records])).toEqual([
      ["exports/identities.json", "ok", "keyward.inventory-json", 1],
      ["notes.txt", "unrecognised", null, 0],
    ]);
    expect(report.run?.status).toBe("succeeded");
    expect(await t.db.identity.count({ where: { sourceId: source.id, externalId: "svc-upload" } })).toBe(1);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "import.uploaded", targetId: source.id } });
    expect(event).toMatchObject({ actorLabel: "analyst@example.com", summary: { name: "Spreadsheet", ok: false, files: [{ path: "exports/identities.json", status: "ok" }, { path: "notes.txt", status: "unrecognised" }] } });
    everything.push(report);
  });

  it("loads nothing when one file is malformed, naming it", async () => {
    const source = await read.listSources(admin).then((all) => all.find((s) => s.name === "Spreadsheet")!);
    const identities = await t.db.identity.count();
    const report = await upload.importUploadedFiles(analyst, source.id, [
      { name: "good.json", data: encode(keywardDoc({ identities: [identityEntry("svc-never")] })) },
      { name: "bad.json", data: encode(keywardDoc({ identities: [{ externalId: "x" }] })) },
    ], { connectionString: t.url });
    expect(report.ok).toBe(false);
    expect(report.files.find((f) => f.path === "bad.json")).toMatchObject({ status: "invalid", errors: expect.arrayContaining([expect.stringContaining("identities.0.name")]) });
    expect(report.notes.join(" ")).toMatch(/nothing was loaded/);
    expect(await t.db.identity.count()).toBe(identities);
  });
});

describe("deleting a source", () => {
  it("needs the name typed, then removes it and audits what went with it", async () => {
    const source = await read.listSources(admin).then((all) => all.find((s) => s.name === "Spreadsheet")!);
    await expect(remove.deleteSource(admin, source.id, "spreadsheet")).rejects.toMatchObject({ code: "INVALID_INPUT", field: "confirmName" });
    await remove.deleteSource(admin, source.id, "Spreadsheet");
    expect(await t.db.source.count({ where: { id: source.id } })).toBe(0);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "source.deleted", targetId: source.id } });
    expect(event.summary).toMatchObject({ name: "Spreadsheet", provider: "keyward", identities: 1 });
  });
});

describe("canary: the stored secret is nowhere but in its envelope", () => {
  it("appears in no DTO, no export, no audit row and no table", async () => {
    everything.push(await read.getSourceDetail(admin, dbSourceId), await read.listSources(admin), await status.getSyncStatus(admin, dbSourceId));
    const audit = await t.db.auditEvent.findMany();
    expect(audit.length).toBeGreaterThan(5);
    const dump = await dumpDatabase(t.url);
    expect(dump.text).toContain("Billing DB");
    const haystacks = {
      "page and API DTOs": JSON.stringify(everything),
      "JSON export": JSON.stringify(await exportAsJson(t.db)),
      "audit log": JSON.stringify(audit, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value)),
      [`database (${dump.via})`]: dump.text,
    };
    for (const [where, text] of Object.entries(haystacks)) {
      for (const form of leakForms(CANARY)) expect(text.includes(form), `${where} contains the secret`).toBe(false);
    }
  });
});
