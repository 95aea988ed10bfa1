import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAuditEvent, appendAuditEvents } from "@/lib/audit/append-audit-events";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createTestDatabase, TEST_AUDIT_KEY, type TestDatabase } from "@/test/support/test-database";

const actor = { type: "user" as const, id: "u1", label: "ana@example.com" };

describe("audit chain", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await t.db.$transaction((tx) =>
      appendAuditEvents(
        tx,
        [
          { actor, action: "auth.sign_in" },
          { actor, action: "user.role_changed", target: { type: "user", id: "u2" }, summary: { before: "owner", after: "analyst" } },
          { actor: { type: "system", label: "system" }, action: "sync.completed", summary: { counts: { added: 3 }, z: 1, a: [1, "x"] } },
        ],
        TEST_AUDIT_KEY,
      ),
    );
  });
  afterAll(() => t.drop());

  it("links each event to the one before and verifies", async () => {
    const rows = await t.db.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["auth.sign_in", "user.role_changed", "sync.completed"]);
    expect(rows[0]!.prevHash).toBe("0".repeat(64));
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(rows[2]!.prevHash).toBe(rows[1]!.hash);
    const result = await verifyAuditChain(t.db, TEST_AUDIT_KEY);
    expect(result).toEqual({ ok: true, checked: 3, headHash: rows[2]!.hash });
  });

  it("does not verify under another key", async () => {
    const result = await verifyAuditChain(t.db, Buffer.alloc(32, 9));
    expect(result.ok).toBe(false);
  });

  it("writes nothing when the surrounding transaction rolls back", async () => {
    const before = await t.db.auditEvent.count();
    await expect(
      t.db.$transaction(async (tx) => {
        await appendAuditEvent(tx, { actor, action: "user.disabled" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await t.db.auditEvent.count()).toBe(before);
  });

  it("refuses UPDATE, DELETE and TRUNCATE at the database", async () => {
    await expect(t.db.$executeRawUnsafe(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRawUnsafe(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRawUnsafe(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    expect(await t.db.auditEvent.count()).toBe(3);
  });

  it("points at the first edited event when someone bypasses the trigger", async () => {
    const rows = await t.db.auditEvent.findMany({ orderBy: { id: "asc" } });
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    // A database superuser can switch triggers off; the chain still catches the edit.
    await client.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`);
    await client.query(`UPDATE audit_events SET summary = '{"before":"owner","after":"admin"}' WHERE id = $1`, [rows[1]!.id.toString()]);
    const result = await verifyAuditChain(t.db, TEST_AUDIT_KEY);
    expect(result).toMatchObject({ ok: false, checked: 1, brokenAt: { id: rows[1]!.id.toString(), action: "user.role_changed" } });
    expect(result.ok === false && result.brokenAt.reason).toMatch(/edited/);

    await client.query(`DELETE FROM audit_events WHERE id = $1`, [rows[1]!.id.toString()]);
    const afterDelete = await verifyAuditChain(t.db, TEST_AUDIT_KEY);
    expect(afterDelete).toMatchObject({ ok: false, brokenAt: { id: rows[2]!.id.toString() } });
    expect(afterDelete.ok === false && afterDelete.brokenAt.reason).toMatch(/removed/);
    await client.end();
  });
});

describe("audit chain through a pg client", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it("chains events appended inside a raw BEGIN/COMMIT and after a Prisma append", async () => {
    await t.db.$transaction((tx) => appendAuditEvents(tx, [{ actor, action: "auth.sign_in" }], TEST_AUDIT_KEY));
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    await client.query("BEGIN");
    await appendAuditEvents(client, [{ actor: { type: "system", label: "sync" }, action: "sync.discovered", summary: { n: 2 } }], TEST_AUDIT_KEY);
    await client.query("COMMIT");
    await client.query("BEGIN");
    await appendAuditEvents(client, [{ actor: { type: "system", label: "sync" }, action: "sync.rolled_back" }], TEST_AUDIT_KEY);
    await client.query("ROLLBACK");
    await client.end();
    const rows = await t.db.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["auth.sign_in", "sync.discovered"]);
    expect(await verifyAuditChain(t.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true, checked: 2 });
  });
});
