import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/session-context";
import { systemCaller } from "@/lib/auth/session-context";
import type { Role } from "@/lib/auth/permissions";
import { createSavedView, deleteSavedView, listSavedViews, MAX_SAVED_VIEWS } from "@/lib/inventory/saved-views";
import { encodeCursor } from "@/lib/inventory/inventory-url";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

/*
 * Saved views are per user, stored as the canonical URL query, and every create and delete appends
 * an audit event in the same transaction (a refused change leaves neither a view nor an event).
 */
let t: TestDatabase;
const users: Record<string, Caller> = {};

async function user(role: Role, email: string): Promise<Caller> {
  const row = await t.db.user.create({ data: { email, role } });
  return { type: "user", userId: row.id, email, name: null, role, sessionId: null };
}

const events = (action: string) => t.db.auditEvent.findMany({ where: { action }, orderBy: { id: "asc" } });

beforeAll(async () => {
  t = await createTestDatabase();
  users.ana = await user("analyst", "ana@example.com");
  users.olga = await user("owner", "olga@example.com");
});
afterAll(async () => {
  await t.drop();
});

describe("saved views", () => {
  it("saves a view as the canonical query of its first page, audited", async () => {
    const cursor = encodeCursor({ key: "x", id: crypto.randomUUID() });
    const view = await createSavedView(users.ana!, { name: "  Expiring soon ", query: `?dir=asc&expiry=30d&bogus=1&after=${cursor}` }, { db: t.db });
    expect(view).toMatchObject({ name: "Expiring soon", query: "expiry=30d" });
    const [event] = await events("inventory.view_saved");
    expect(event).toMatchObject({ actorId: users.ana!.userId, actorLabel: "ana@example.com", targetType: "saved_view", targetId: view.id });
    expect(event!.summary).toEqual({ name: "Expiring soon", query: "expiry=30d" });
  });

  it("lists only the caller's own views, by name", async () => {
    await createSavedView(users.ana!, { name: "AWS keys", query: "source=aws" }, { db: t.db });
    await createSavedView(users.olga!, { name: "Mine", query: "kind=identities" }, { db: t.db });
    expect((await listSavedViews(users.ana!, { db: t.db })).map((v) => v.name)).toEqual(["AWS keys", "Expiring soon"]);
    expect((await listSavedViews(users.olga!, { db: t.db })).map((v) => v.query)).toEqual(["kind=identities"]);
  });

  it("refuses a duplicate or empty name without writing a view or an event", async () => {
    const before = await t.db.auditEvent.count();
    await expect(createSavedView(users.ana!, { name: "AWS keys", query: "" }, { db: t.db })).rejects.toMatchObject({ code: "CONFLICT", field: "name" });
    await expect(createSavedView(users.ana!, { name: "   ", query: "" }, { db: t.db })).rejects.toMatchObject({ code: "INVALID_INPUT", field: "name" });
    expect(await t.db.auditEvent.count()).toBe(before);
    expect(await t.db.savedView.count({ where: { userId: users.ana!.userId! } })).toBe(2);
  });

  it(`keeps at most ${MAX_SAVED_VIEWS} views per user`, async () => {
    const bulk = await user("auditor", "audrey@example.com");
    await t.db.savedView.createMany({ data: Array.from({ length: MAX_SAVED_VIEWS }, (_, i) => ({ userId: bulk.userId!, name: `v${i}`, query: "" })) });
    await expect(createSavedView(bulk, { name: "one more", query: "" }, { db: t.db })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("deletes only the caller's own view, audited; someone else's is not found", async () => {
    const [mine] = await listSavedViews(users.olga!, { db: t.db });
    await expect(deleteSavedView(users.ana!, mine!.id, { db: t.db })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteSavedView(users.ana!, "not-a-uuid", { db: t.db })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await events("inventory.view_deleted")).toHaveLength(0);
    await deleteSavedView(users.olga!, mine!.id, { db: t.db });
    expect(await listSavedViews(users.olga!, { db: t.db })).toEqual([]);
    const [event] = await events("inventory.view_deleted");
    expect(event).toMatchObject({ actorLabel: "olga@example.com", targetId: mine!.id, summary: { name: "Mine", query: "kind=identities" } });
  });

  it("belongs to signed-in users: the CLI's system caller has none", async () => {
    await expect(listSavedViews(systemCaller(), { db: t.db })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createSavedView(systemCaller(), { name: "x", query: "" }, { db: t.db })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
