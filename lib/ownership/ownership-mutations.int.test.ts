import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs } from "@/lib/ownership/testing/ownership-fixture";
import { OWNERSHIP_AUDIT_BATCH } from "@/lib/ownership/ownership-audit";
import { MAX_BULK_IDENTITIES } from "@/lib/ownership/ownership-schemas";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

/*
 * Ownership changes are authorised, validated and audited in the data layer: bulk assignment is
 * one transaction (all or nothing) with batched audit events; roles without inventory:write are
 * refused unless they own the identity (confirm, declare purpose); bad input names its field.
 */
let t: TestDatabase;
let assign: typeof import("@/lib/ownership/assign-owner");
let confirm: typeof import("@/lib/ownership/confirm-ownership");
let purpose: typeof import("@/lib/ownership/declare-purpose");
let own: typeof import("@/lib/ownership/get-ownership");
const analyst = callerAs("analyst");
const BULK = OWNERSHIP_AUDIT_BATCH * 2 + 500;
const bulkIds: string[] = [];
let taggedId: string;
let assignedId: string;
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

async function state() {
  const [assignments, declarations, audit, identities] = await Promise.all([
    t.db.ownerAssignment.findMany({ orderBy: { identityId: "asc" } }),
    t.db.purposeDeclaration.findMany({ orderBy: { identityId: "asc" } }),
    t.db.auditEvent.count(),
    t.db.identity.findMany({ select: { id: true, purpose: true, endDate: true }, orderBy: { id: "asc" } }),
  ]);
  return { assignments, declarations, audit, identities };
}

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  assign = await import("@/lib/ownership/assign-owner");
  confirm = await import("@/lib/ownership/confirm-ownership");
  purpose = await import("@/lib/ownership/declare-purpose");
  own = await import("@/lib/ownership/get-ownership");
  const source = await t.db.source.create({ data: { provider: "keyward", name: "fixture" } });
  const base = { sourceId: source.id, scope: "s", externalType: "t.user", type: "service_account", contentHash: "h", lastSeenGeneration: 1 };
  const rows = Array.from({ length: BULK }, (_, i) => ({ ...base, id: crypto.randomUUID(), externalId: `bulk-${i}`, name: `bulk-${i}` }));
  await t.db.identity.createMany({ data: rows });
  bulkIds.push(...rows.map((r) => r.id));
  taggedId = (await t.db.identity.create({ data: { ...base, externalId: "tagged", name: "tagged", ownerHint: { email: "Olga@Example.com", provenance: "aws.tag:owner" } } })).id;
  assignedId = (await t.db.identity.create({ data: { ...base, externalId: "assigned", name: "assigned" } })).id;
  const person = (email: string, status: string) =>
    t.db.person.create({ data: { sourceId: source.id, scope: "s", externalType: "person", externalId: email, email, status, contentHash: "h", lastSeenGeneration: 1 } });
  await person("olga@example.com", "active");
  await person("pat@example.com", "active");
  await person("gone@example.com", "left");
});
afterAll(async () => {
  const { getDb } = await import("@/lib/db");
  await getDb().$disconnect();
  await t.drop();
});

describe("bulk assignment", () => {
  it("assigns thousands of identities in one transaction, one audit event per 1,000 naming every identity", async () => {
    const result = await assign.assignOwner(analyst, { identityIds: bulkIds.join(","), ownerEmail: "pat@example.com" });
    expect(result).toMatchObject({ assigned: BULK, owner: { status: "active" }, backup: null });
    expect(await t.db.ownerAssignment.count({ where: { ownerEmail: "pat@example.com", assignedBy: "analyst@example.com" } })).toBe(BULK);
    const events = await t.db.auditEvent.findMany({ where: { action: "ownership.assigned" }, orderBy: { id: "asc" } });
    expect(events.map((e) => (e.summary as { count: number }).count)).toEqual([OWNERSHIP_AUDIT_BATCH, OWNERSHIP_AUDIT_BATCH, 500]);
    expect(events.flatMap((e) => (e.summary as { identityIds: string[] }).identityIds).sort()).toEqual([...bulkIds].sort());
  });

  it("changes nothing when one id of the batch does not exist", async () => {
    const before = await state();
    await expect(assign.assignOwner(analyst, { identityIds: [...bulkIds, UNKNOWN_ID], ownerEmail: "olga@example.com" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      field: "identityIds",
    });
    expect(await state()).toEqual(before);
  });

  it("clears assignments in bulk and records what each one was", async () => {
    const cleared = bulkIds.slice(0, 3);
    expect(await assign.clearOwner(analyst, { identityIds: [...cleared, taggedId] })).toEqual({ cleared: 3 });
    expect(await t.db.ownerAssignment.count({ where: { identityId: { in: cleared } } })).toBe(0);
    const event = await t.db.auditEvent.findFirst({ where: { action: "ownership.cleared" } });
    expect(event?.summary).toMatchObject({ count: 3, previous: cleared.sort().map((identityId) => ({ identityId, ownerEmail: "pat@example.com", backupEmail: null })) });
  });

  it.each([
    [{ identityIds: [], ownerEmail: "pat@example.com" }, "identityIds"],
    [{ identityIds: ["not-a-uuid"], ownerEmail: "pat@example.com" }, "identityIds.0"],
    [{ identityIds: Array.from({ length: MAX_BULK_IDENTITIES + 1 }, () => crypto.randomUUID()), ownerEmail: "pat@example.com" }, "identityIds"],
    [{ identityIds: [UNKNOWN_ID], ownerEmail: "pat" }, "ownerEmail"],
    [{ identityIds: [UNKNOWN_ID], ownerEmail: "pat@example.com", backupEmail: "PAT@example.com" }, "backupEmail"],
    [{ identityIds: [UNKNOWN_ID], ownerEmail: "pat@example.com", note: "x".repeat(501) }, "note"],
  ])("refuses %#, naming field %s, writing nothing", async (input, field) => {
    const before = await state();
    await expect(assign.assignOwner(analyst, input)).rejects.toMatchObject({ code: "INVALID_INPUT", field });
    expect(await state()).toEqual(before);
  });

  it("refuses a person who left, as owner or as backup", async () => {
    const before = await state();
    await expect(assign.assignOwner(analyst, { identityIds: [assignedId], ownerEmail: "gone@example.com" })).rejects.toMatchObject({ field: "ownerEmail" });
    await expect(assign.assignOwner(analyst, { identityIds: [assignedId], ownerEmail: "pat@example.com", backupEmail: "gone@example.com" })).rejects.toMatchObject({
      field: "backupEmail",
    });
    expect(await state()).toEqual(before);
  });
});

describe("roles", () => {
  it.each(["owner", "auditor"] as const)("refuses assigning and clearing to the %s role, writing nothing", async (role) => {
    const before = await state();
    await expect(assign.assignOwner(callerAs(role), { identityIds: [assignedId], ownerEmail: `${role}@example.com` })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(assign.clearOwner(callerAs(role), { identityIds: [bulkIds[10]!] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(purpose.declarePurpose(callerAs("auditor"), { identityId: assignedId, purpose: "Reports" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(confirm.confirmOwnership(callerAs("auditor"), taggedId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await state()).toEqual(before);
  });

  it("lets an owner confirm an identity they own, turning the source's claim into an assignment", async () => {
    const olga = callerAs("owner", "OLGA@example.com");
    const result = await confirm.confirmOwnership(olga, taggedId);
    expect(result).toMatchObject({ ownerEmail: "olga@example.com", promotedFrom: "aws.tag:owner" });
    const ownership = await own.getOwnership(olga, taggedId);
    expect(ownership).toMatchObject({
      owner: { kind: "explicit", email: "olga@example.com", status: "active" },
      assignment: { assignedBy: "OLGA@example.com", note: "Confirmed from aws.tag:owner" },
      confirmation: { confirmedBy: "OLGA@example.com" },
    });
    const event = await t.db.auditEvent.findFirst({ where: { action: "ownership.confirmed" } });
    expect(event).toMatchObject({ targetType: "identity", targetId: taggedId, summary: { ownerEmail: "olga@example.com", kind: "source" } });
  });

  it("refuses an owner confirming, declaring or reading an identity they do not own", async () => {
    const olga = callerAs("owner", "olga@example.com");
    const before = await state();
    await expect(confirm.confirmOwnership(olga, bulkIds[100]!)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(purpose.declarePurpose(olga, { identityId: bulkIds[100]!, purpose: "Not mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(own.getOwnership(olga, bulkIds[100]!)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await state()).toEqual(before);
  });

  it("lets the backup declare the purpose but not confirm for the primary owner", async () => {
    await assign.assignOwner(analyst, { identityIds: [assignedId], ownerEmail: "pat@example.com", backupEmail: "olga@example.com" });
    const olga = callerAs("owner", "olga@example.com");
    await expect(confirm.confirmOwnership(olga, assignedId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(purpose.declarePurpose(olga, { identityId: assignedId, purpose: " Nightly reports ", endDate: "2030-06-30" })).resolves.toEqual({
      purpose: "Nightly reports",
      endDate: "2030-06-30T23:59:59.999Z",
    });
    const event = await t.db.auditEvent.findFirst({ where: { action: "identity.purpose_declared" } });
    expect(event).toMatchObject({ actorLabel: "olga@example.com", targetId: assignedId, summary: { purpose: "Nightly reports", before: { purpose: null, endDate: null } } });
  });

  it("keeps a confirmation through a re-assignment to the same owner only", async () => {
    await confirm.confirmOwnership(callerAs("owner", "pat@example.com"), assignedId);
    await assign.assignOwner(analyst, { identityIds: [assignedId], ownerEmail: "pat@example.com", note: "same owner" });
    expect(await t.db.ownerAssignment.findUnique({ where: { identityId: assignedId } })).toMatchObject({ confirmedBy: "pat@example.com", backupEmail: null });
    await assign.assignOwner(analyst, { identityIds: [assignedId], ownerEmail: "olga@example.com" });
    expect(await t.db.ownerAssignment.findUnique({ where: { identityId: assignedId } })).toMatchObject({ confirmedBy: null, confirmedAt: null });
  });
});

describe("declaring a purpose", () => {
  it.each([
    [{ identityId: UNKNOWN_ID, purpose: "   " }, "purpose"],
    [{ identityId: UNKNOWN_ID, purpose: "Reports", endDate: "next summer" }, "endDate"],
    [{ identityId: "42", purpose: "Reports" }, "identityId"],
  ])("refuses %o naming %s", async (input, field) => {
    await expect(purpose.declarePurpose(analyst, input)).rejects.toMatchObject({ code: "INVALID_INPUT", field });
  });

  it("says when there is nobody to confirm", async () => {
    await expect(confirm.confirmOwnership(analyst, bulkIds[0]!)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(confirm.confirmOwnership(analyst, UNKNOWN_ID)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
