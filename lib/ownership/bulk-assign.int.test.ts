import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callerAs } from "@/lib/ownership/testing/ownership-fixture";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

/*
 * "Assign owner" on the inventory selection: identities directly, credentials through their
 * distinct identities (those without one are counted as skipped), refused for roles without
 * inventory:write, and written with its audit events in one transaction or not at all.
 */
let t: TestDatabase;
let bulk: typeof import("@/lib/ownership/bulk-assign");
const analyst = callerAs("analyst");
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
const ids = { alpha: "", beta: "", gamma: "" };
const keys = { alpha1: "", alpha2: "", beta1: "", stray1: "", stray2: "" };

async function state() {
  const [assignments, audit] = await Promise.all([
    t.db.ownerAssignment.findMany({ orderBy: { identityId: "asc" } }),
    t.db.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true, action: true, summary: true } }),
  ]);
  return { assignments, audit };
}

/** The transaction id that wrote a row: rows with equal `xmin` were written by one transaction. */
async function writers(table: "owner_assignments" | "audit_events", where: string, params: unknown[]): Promise<string[]> {
  const rows = await t.db.$queryRawUnsafe<Array<{ xmin: string }>>(`SELECT xmin::text AS xmin FROM ${table} WHERE ${where}`, ...params);
  return [...new Set(rows.map((row) => row.xmin))];
}

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  bulk = await import("@/lib/ownership/bulk-assign");
  const source = await t.db.source.create({ data: { provider: "keyward", name: "fixture" } });
  const base = { sourceId: source.id, scope: "s", contentHash: "h", lastSeenGeneration: 1 };
  for (const name of Object.keys(ids) as Array<keyof typeof ids>) {
    ids[name] = (await t.db.identity.create({ data: { ...base, externalType: "t.user", externalId: name, name, type: "service_account" } })).id;
  }
  const key = async (name: string, identityId: string | null) =>
    (await t.db.credential.create({ data: { ...base, externalType: "t.key", externalId: name, name, type: "api_key", status: "active", identityId } })).id;
  keys.alpha1 = await key("alpha-1", ids.alpha);
  keys.alpha2 = await key("alpha-2", ids.alpha);
  keys.beta1 = await key("beta-1", ids.beta);
  keys.stray1 = await key("stray-1", null);
  keys.stray2 = await key("stray-2", null);
  const person = (email: string, status: string) =>
    t.db.person.create({ data: { ...base, externalType: "person", externalId: email, email, status } });
  await person("pat@example.com", "active");
  await person("olga@example.com", "active");
  await person("gone@example.com", "left");
});
beforeEach(async () => {
  await t.db.ownerAssignment.deleteMany();
});
afterAll(async () => {
  const { getDb } = await import("@/lib/db");
  await getDb().$disconnect();
  await t.drop();
});

describe("bulk assignment from the inventory selection", () => {
  it("assigns the selected identities, audited in the transaction that wrote the assignments", async () => {
    const since = (await t.db.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    const result = await bulk.bulkAssignOwner(analyst, { kind: "identities", ids: [ids.alpha, ids.beta], ownerEmail: "Pat@Example.com", backupEmail: "", note: "" });
    expect(result).toMatchObject({ assigned: 2, skippedCredentials: 0, owner: { email: "pat@example.com", status: "active" }, backup: null });
    const assignments = await t.db.ownerAssignment.findMany({ orderBy: { identityId: "asc" } });
    expect(assignments.map((a) => [a.identityId, a.ownerEmail, a.backupEmail, a.note, a.assignedBy])).toEqual(
      [ids.alpha, ids.beta].sort().map((id) => [id, "pat@example.com", null, null, "analyst@example.com"]),
    );
    const events = await t.db.auditEvent.findMany({ where: { id: { gt: since } } });
    expect(events.map((e) => e.action)).toEqual(["ownership.assigned"]);
    expect((events[0]!.summary as { identityIds: string[] }).identityIds.sort()).toEqual([ids.alpha, ids.beta].sort());

    const assignmentWriters = await writers("owner_assignments", "identity_id = ANY($1::uuid[])", [[ids.alpha, ids.beta]]);
    expect(assignmentWriters).toHaveLength(1);
    expect(await writers("audit_events", "id = $1", [events[0]!.id])).toEqual(assignmentWriters);
  });

  it("maps credentials to their distinct identities and counts those without one as skipped", async () => {
    const since = (await t.db.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    const selected = [keys.alpha1, keys.alpha2, keys.beta1, keys.stray1, keys.stray2];
    const result = await bulk.bulkAssignOwner(analyst, { kind: "credentials", ids: selected.join(","), ownerEmail: "olga@example.com", backupEmail: "pat@example.com", note: "INC-42" });
    expect(result).toMatchObject({ assigned: 2, skippedCredentials: 2, owner: { email: "olga@example.com" }, backup: { email: "pat@example.com" } });
    const assignments = await t.db.ownerAssignment.findMany({ orderBy: { identityId: "asc" } });
    expect(assignments.map((a) => [a.identityId, a.ownerEmail, a.backupEmail, a.note])).toEqual(
      [ids.alpha, ids.beta].sort().map((id) => [id, "olga@example.com", "pat@example.com", "INC-42"]),
    );
    const events = await t.db.auditEvent.findMany({ where: { id: { gt: since } } });
    expect(events.map((e) => e.action)).toEqual(["ownership.assigned"]);
    expect((events[0]!.summary as { identityIds: string[] }).identityIds.sort()).toEqual([ids.alpha, ids.beta].sort());
  });

  it("lists the distinct identities of credentials for a caller who may write", async () => {
    await expect(bulk.identitiesOfCredentials(analyst, [keys.alpha1, keys.alpha2, keys.stray1])).resolves.toEqual({ identityIds: [ids.alpha], withoutIdentity: 1 });
  });

  it("refuses credentials none of which has an identity, writing nothing", async () => {
    const before = await state();
    await expect(bulk.bulkAssignOwner(analyst, { kind: "credentials", ids: [keys.stray1, keys.stray2], ownerEmail: "pat@example.com" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      field: "ids",
      message: "None of the 2 credentials has an identity, so there is no owner to set.",
    });
    expect(await state()).toEqual(before);
  });

  it("refuses the whole selection when a credential does not exist, writing nothing", async () => {
    const before = await state();
    await expect(bulk.bulkAssignOwner(analyst, { kind: "credentials", ids: [keys.alpha1, UNKNOWN_ID], ownerEmail: "pat@example.com" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      field: "ids",
    });
    expect(await state()).toEqual(before);
  });

  it("refuses an owner who left, naming the field, and writes neither assignments nor audit events", async () => {
    const before = await state();
    await expect(bulk.bulkAssignOwner(analyst, { kind: "credentials", ids: [keys.alpha1, keys.beta1], ownerEmail: "gone@example.com" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      field: "ownerEmail",
    });
    await expect(bulk.bulkAssignOwner(analyst, { kind: "identities", ids: [ids.gamma], ownerEmail: "pat@example.com", backupEmail: "gone@example.com" })).rejects.toMatchObject({
      field: "backupEmail",
    });
    expect(await state()).toEqual(before);
  });

  it.each([
    [{ kind: "robots", ids: [UNKNOWN_ID], ownerEmail: "pat@example.com" }, "kind"],
    [{ kind: "identities", ids: [], ownerEmail: "pat@example.com" }, "ids"],
    [{ kind: "identities", ids: ["not-a-uuid"], ownerEmail: "pat@example.com" }, "ids.0"],
    [{ kind: "identities", ids: [UNKNOWN_ID] }, "ownerEmail"],
    // The e-mail is checked before the selection is read: a typo is named even where nothing could be assigned.
    [{ kind: "credentials", ids: [UNKNOWN_ID], ownerEmail: "pat" }, "ownerEmail"],
    [{ kind: "identities", ids: [UNKNOWN_ID], ownerEmail: "pat@example.com", backupEmail: "PAT@example.com" }, "backupEmail"],
  ])("refuses invalid input %#, naming field %s", async (input, field) => {
    const before = await state();
    await expect(bulk.bulkAssignOwner(analyst, input)).rejects.toMatchObject({ code: "INVALID_INPUT", field });
    expect(await state()).toEqual(before);
  });

  it.each(["owner", "auditor"] as const)("refuses the %s role, mapping and assigning nothing", async (role) => {
    const before = await state();
    await expect(bulk.bulkAssignOwner(callerAs(role), { kind: "identities", ids: [ids.alpha], ownerEmail: `${role}@example.com` })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(bulk.bulkAssignOwner(callerAs(role), { kind: "credentials", ids: [keys.alpha1], ownerEmail: `${role}@example.com` })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(bulk.identitiesOfCredentials(callerAs(role), [keys.alpha1])).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await state()).toEqual(before);
  });
});
