import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs } from "@/lib/ownership/testing/ownership-fixture";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

/*
 * An owner sees the same identities on every page: the inventory list, the detail pages, the
 * findings and the dashboard all narrow through `identities_of_owner` (migration
 * 20261204050000_owner_scope). An assignment made in Keyward (owner or backup) counts as much as
 * a source's tag, and grants nothing to anyone else.
 */
let t: TestDatabase;
let assigned: string;
let tagged: string;
let stranger: string;
let assignedKey: string;
const NOW = new Date();

const mods = async () => ({
  assign: await import("@/lib/ownership/assign-owner"),
  inventory: await import("@/lib/inventory/inventory-query"),
  url: await import("@/lib/inventory/inventory-url"),
  detail: await import("@/lib/inventory/node-detail"),
  findings: await import("@/lib/policy/list-findings"),
  summary: await import("@/lib/inventory/inventory-summary"),
});

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  const source = await t.db.source.create({ data: { provider: "keyward", name: "fixture" } });
  const base = { sourceId: source.id, scope: "s", type: "service_account", contentHash: "h", lastSeenGeneration: 1 };
  const identity = async (name: string, extra: object = {}) =>
    (await t.db.identity.create({ data: { ...base, externalType: "t.user", externalId: name, name, ...extra } })).id;
  assigned = await identity("assigned");
  tagged = await identity("tagged", { ownerHint: { email: "pat@example.com", provenance: "aws.tag:owner" } });
  stranger = await identity("stranger", { ownerHint: { email: "someone@example.com", provenance: "aws.tag:owner" } });
  assignedKey = (
    await t.db.credential.create({ data: { ...base, type: "api_key", status: "active", externalType: "t.key", externalId: "k", name: "assigned-key", identityId: assigned } })
  ).id;
  for (const subjectId of [assigned, tagged, stranger])
    await t.db.finding.create({ data: { rule: "no-owner", severity: "medium", owasp: "NHI1", subjectType: "identity", subjectId } });
  const { assign } = await mods();
  await assign.assignOwner(callerAs("analyst"), { identityIds: [assigned], ownerEmail: "pat@example.com", backupEmail: "olga@example.com" });
});
afterAll(async () => {
  const { getDb } = await import("@/lib/db");
  await getDb().$disconnect();
  await t.drop();
});

async function seenBy(email: string) {
  const { inventory, url, detail, findings, summary } = await mods();
  const owner = callerAs("owner", email);
  const page = await inventory.queryInventory(owner, url.parseInventoryState(new URLSearchParams("kind=identities")), { now: NOW });
  const opens = async (kind: "identity" | "credential", id: string) =>
    detail.getNodeDetail(owner, kind, id).then(
      () => true,
      (error: { code?: string }) => (error.code === "NOT_FOUND" ? false : Promise.reject(error)),
    );
  const listed = await findings.listFindings(owner);
  const totals = await summary.computeInventorySummary((sql, params) => t.db.$queryRawUnsafe(sql, ...params), email.toLowerCase(), NOW);
  return {
    list: page.rows.map((r) => r.name).sort(),
    detail: { assigned: await opens("identity", assigned), key: await opens("credential", assignedKey), stranger: await opens("identity", stranger) },
    findings: listed.map((f) => f.subjectName).sort(),
    dashboardIdentities: totals.identities,
  };
}

describe("what an owner sees", () => {
  it("shows the assigned owner their assigned and tagged identities on every page, and nothing else", async () => {
    expect(await seenBy("Pat@Example.com")).toEqual({
      list: ["assigned", "tagged"],
      detail: { assigned: true, key: true, stranger: false },
      findings: ["assigned", "tagged"],
      dashboardIdentities: 2,
    });
  });

  it("shows the backup of an assignment that identity, and someone named nowhere nothing", async () => {
    expect(await seenBy("olga@example.com")).toMatchObject({ list: ["assigned"], findings: ["assigned"], dashboardIdentities: 1 });
    expect(await seenBy("nobody@example.com")).toEqual({
      list: [],
      detail: { assigned: false, key: false, stranger: false },
      findings: [],
      dashboardIdentities: 0,
    });
  });
});
