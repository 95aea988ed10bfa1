import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANALYST_EMAIL, SECURITY_QUEUE, buildCampaignWorld, callerAs, campaignState, keys, users, type CampaignWorld } from "@/lib/campaigns/testing/campaign-fixture";
import { syncInventory, toyUser } from "@/lib/ownership/testing/ownership-fixture";
import { query } from "@/lib/sync/testing/run-fixtures";
import { CAMPAIGN_STATUSES, type CampaignStatus } from "@/lib/campaigns/campaign-types";
import { createTestDatabase, TEST_AUDIT_KEY, type TestDatabase } from "@/test/support/test-database";

/*
 * The campaign lifecycle against a real PostgreSQL with an inventory loaded by the sync runner:
 * only legal transitions (every pair tried), the scope frozen at activation, the reviewer chain's
 * fallbacks, who may decide what, and refusals that leave state and audit chain untouched.
 */
let t: TestDatabase;
let world: CampaignWorld;
let life: typeof import("@/lib/campaigns/campaign-lifecycle");
let close: typeof import("@/lib/campaigns/close-campaign");
let decide: typeof import("@/lib/campaigns/decide-items");
let inbox: typeof import("@/lib/campaigns/review-inbox");
let queries: typeof import("@/lib/campaigns/campaign-queries");
const analyst = callerAs("analyst", ANALYST_EMAIL);
const alice = callerAs("owner", "alice@example.com");
const DUE = new Date("2027-01-31T00:00:00Z");

const create = (extra: Record<string, unknown> = {}) => life.createCampaign(analyst, { name: "Q1 review", securityQueue: SECURITY_QUEUE, dueAt: DUE, ...extra });

async function campaignIn(status: CampaignStatus): Promise<string> {
  const { id } = await create({ filter: { ownerEmail: "carol@example.com" } });
  if (status === "ACTIVE" || status === "CLOSED") await life.activateCampaign(analyst, id);
  if (status === "CLOSED") await close.closeCampaign(analyst, id);
  if (status === "CANCELLED") await life.cancelCampaign(analyst, id);
  return id;
}

const itemsOf = (campaignId: string) =>
  query<{ id: string; identity_name: string; reviewer_email: string; reviewer_basis: string; reviewer_chain: string[]; status: string; decision: string | null }>(
    t.url,
    `SELECT id::text, identity_name, reviewer_email, reviewer_basis, reviewer_chain, status, decision FROM campaign_items WHERE campaign_id = $1 ORDER BY identity_name`,
    [campaignId],
  );

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  world = await buildCampaignWorld(t.url, TEST_AUDIT_KEY);
  life = await import("@/lib/campaigns/campaign-lifecycle");
  close = await import("@/lib/campaigns/close-campaign");
  decide = await import("@/lib/campaigns/decide-items");
  inbox = await import("@/lib/campaigns/review-inbox");
  queries = await import("@/lib/campaigns/campaign-queries");
});
afterAll(async () => {
  const { getDb } = await import("@/lib/db");
  await getDb().$disconnect();
  await t.drop();
});

describe("state machine", () => {
  const moves = { ACTIVE: "activate", CLOSED: "close", CANCELLED: "cancel" } as const;
  const legal = new Set(["DRAFT>ACTIVE", "DRAFT>CANCELLED", "ACTIVE>CLOSED", "ACTIVE>CANCELLED"]);
  const pairs = CAMPAIGN_STATUSES.flatMap((from) => (Object.keys(moves) as Array<keyof typeof moves>).map((to) => [from, to] as const));

  it.each(pairs)("%s → %s", async (from, to) => {
    const id = await campaignIn(from);
    const run = () =>
      to === "ACTIVE" ? life.activateCampaign(analyst, id) : to === "CLOSED" ? close.closeCampaign(analyst, id) : life.cancelCampaign(analyst, id);
    if (legal.has(`${from}>${to}`)) {
      expect((await run()).status).toBe(to);
      return;
    }
    const before = await campaignState(t.url);
    await expect(run()).rejects.toMatchObject({ code: "CONFLICT", from, to });
    expect(await campaignState(t.url)).toEqual(before);
  });

  it("refuses the wrong role with state and audit unchanged", async () => {
    const draft = await create();
    const active = await campaignIn("ACTIVE");
    const before = await campaignState(t.url);
    for (const role of ["owner", "auditor"] as const) {
      const caller = callerAs(role);
      await expect(life.createCampaign(caller, { name: "x", securityQueue: SECURITY_QUEUE, dueAt: DUE })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(life.activateCampaign(caller, draft.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(close.closeCampaign(caller, active)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(life.cancelCampaign(caller, active)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const [item] = await itemsOf(active);
    await expect(decide.decideItems(callerAs("auditor", "carol@example.com"), { itemIds: [item!.id], decision: "keep" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(decide.decideItems(alice, { itemIds: [item!.id], decision: "keep" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await campaignState(t.url)).toEqual(before);
  });

  it("names the bad field of a bad campaign", async () => {
    await expect(create({ dueAt: "next week" })).rejects.toMatchObject({ code: "INVALID_INPUT", field: "dueAt" });
    await expect(create({ securityQueue: "not-an-address" })).rejects.toMatchObject({ code: "INVALID_INPUT", field: "securityQueue" });
    await expect(create({ recurrence: "every day", reviewDays: 7 })).rejects.toMatchObject({ code: "INVALID_INPUT", field: "recurrence" });
    await expect(create({ filter: { minRisk: 101 } })).rejects.toMatchObject({ code: "INVALID_INPUT", field: "filter.minRisk" });
  });
});

describe("scope and reviewers", () => {
  let campaignId: string;

  it("resolves each item's reviewer: owner → backup → manager → security queue, never the subject nor someone who left", async () => {
    campaignId = (await create()).id;
    const activated = await life.activateCampaign(analyst, campaignId);
    expect(activated.progress).toEqual({ items: 7, decided: 0, pending: 7 });
    const chains = Object.fromEntries((await itemsOf(campaignId)).map((i) => [i.identity_name, [i.reviewer_basis, i.reviewer_chain]]));
    expect(chains).toEqual({
      deployer: ["owner", ["alice@example.com", "mgr@example.com", SECURITY_QUEUE]],
      builder: ["manager", ["mgr@example.com", SECURITY_QUEUE]],
      backed: ["backup", ["dave@example.com", "mgr@example.com", SECURITY_QUEUE]],
      orphan: ["security_queue", [SECURITY_QUEUE]],
      personal: ["manager", ["mgr@example.com", SECURITY_QUEUE]],
      "sec-bot": ["security_queue", [SECURITY_QUEUE]],
      "=cmd|calc": ["owner", ["carol@example.com", "mgr@example.com", SECURITY_QUEUE]],
    });
  });

  it("keeps the scope frozen when the inventory changes afterwards", async () => {
    const before = await itemsOf(campaignId);
    await syncInventory(world.options, world.sources.inventory, [...users().filter((u) => u.externalId !== "builder"), toyUser("newcomer")], keys());
    expect(await itemsOf(campaignId)).toEqual(before);
    const fresh = (await create()).id;
    const names = (await itemsOf((await life.activateCampaign(analyst, fresh)).id)).map((i) => i.identity_name);
    expect(names).toContain("newcomer");
    expect(names).not.toContain("builder");
    await syncInventory(world.options, world.sources.inventory, users(), keys());
  });

  it("scopes by filter and leaves out exclusions", async () => {
    const ids = world.ids;
    const scoped = async (filter: Record<string, unknown>, exclusions: string[] = []) => {
      const { id } = await create({ filter, exclusions });
      await life.activateCampaign(analyst, id);
      return (await itemsOf(id)).map((i) => i.identity_name).sort();
    };
    expect(await scoped({ minRisk: 70 })).toEqual(["deployer"]);
    expect(await scoped({ ownerEmail: "Alice@Example.com" })).toEqual(["deployer", "personal"]);
    expect(await scoped({ environments: ["PROD"] })).toEqual(["=cmd|calc"]);
    expect(await scoped({ sourceIds: [world.sources.claims] })).toEqual([]);
    expect(await scoped({ ownerEmail: "alice@example.com" }, [ids.personal!])).toEqual(["deployer"]);
  });

  it("leaves out identities reviewed within N days", async () => {
    const { id } = await create({ filter: { ownerEmail: "carol@example.com" } });
    await life.activateCampaign(analyst, id);
    const [item] = await itemsOf(id);
    await decide.decideItems(callerAs("owner", "carol@example.com"), { itemIds: [item!.id], decision: "keep" });
    const again = await create({ filter: { ownerEmail: "carol@example.com", notReviewedInDays: 30 } });
    expect((await life.activateCampaign(analyst, again.id)).progress.items).toBe(0);
  });
});

describe("reviewing", () => {
  let campaignId: string;
  const item = async (name: string) => (await itemsOf(campaignId)).find((i) => i.identity_name === name)!;

  beforeAll(async () => {
    campaignId = (await create({ name: "Reviewing" })).id;
    await life.activateCampaign(analyst, campaignId);
  });

  it("shows an owner their items with the context to decide, keyset-paginated", async () => {
    const page = await inbox.listMyReviews(alice, { campaignId });
    expect(page.items.map((i) => i.identityName)).toEqual(["deployer"]);
    expect(page.items[0]!.context).toMatchObject({ privileges: { admin: 1, write: 0, read: 1 }, riskScore: 85, highRisk: true, directEdges: 2 });
    const queue: string[] = [];
    let cursor: string | undefined;
    do {
      const next = await inbox.listMyReviews(analyst, { campaignId, limit: 1, cursor, reviewer: SECURITY_QUEUE });
      queue.push(...next.items.map((i) => i.identityName));
      cursor = next.nextCursor ?? undefined;
    } while (cursor);
    expect(queue.sort()).toEqual(["orphan", "sec-bot"]);
    await expect(inbox.listMyReviews(alice, { reviewer: SECURITY_QUEUE })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("needs a comment to keep a high-risk item (score ≥ 70)", async () => {
    const deployer = await item("deployer");
    await expect(decide.decideItems(alice, { itemIds: [deployer.id], decision: "keep" })).rejects.toMatchObject({ code: "INVALID_INPUT", field: "comment" });
    await decide.decideItems(alice, { itemIds: [deployer.id], decision: "keep", comment: "Deploys production; rotated last week." });
    expect((await item("deployer")).decision).toBe("keep");
  });

  it("refuses to let the subject certify themself", async () => {
    const before = await campaignState(t.url);
    await expect(decide.decideItems(analyst, { itemIds: [(await item("sec-bot")).id], decision: "keep" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(decide.delegateItems(callerAs("owner", "mgr@example.com"), { itemIds: [(await item("personal")).id], toEmail: "alice@example.com" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      field: "toEmail",
    });
    expect(await campaignState(t.url)).toEqual(before);
  });

  it("decides in bulk, delegates, and refuses delegation to someone who left", async () => {
    const mgr = callerAs("owner", "mgr@example.com");
    const [builder, personal] = [await item("builder"), await item("personal")];
    await expect(decide.delegateItems(mgr, { itemIds: [builder.id], toEmail: "gone@example.com" })).rejects.toMatchObject({ field: "toEmail" });
    await decide.delegateItems(mgr, { itemIds: [builder.id], toEmail: "carol@example.com", comment: "Carol runs the builds now." });
    expect(await item("builder")).toMatchObject({ reviewer_email: "carol@example.com", reviewer_basis: "delegated" });
    await expect(decide.decideItems(mgr, { itemIds: [builder.id], decision: "revoke" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const carol = callerAs("owner", "carol@example.com");
    await decide.decideItems(carol, { itemIds: [builder.id, (await item("=cmd|calc")).id], decision: "rotate" });
    await decide.decideItems(mgr, { itemIds: [personal.id], decision: "extend", newEndDate: "2027-06-30" });
    expect((await itemsOf(campaignId)).filter((i) => i.status === "DECIDED").map((i) => i.identity_name).sort()).toEqual(["=cmd|calc", "builder", "deployer", "personal"]);
    const events = await query<{ summary: { decision: string; count: number } }>(t.url, `SELECT summary FROM audit_events WHERE action = 'campaign.decided' AND target_id = $1 ORDER BY id`, [campaignId]);
    expect(events.map((e) => [e.summary.decision, e.summary.count])).toEqual([["keep", 1], ["rotate", 2], ["extend", 1]]);
  });

  it("makes decisions final once closed", async () => {
    await close.closeCampaign(analyst, campaignId, { signOff: "Reviewed by the security team." });
    const deployer = await item("deployer");
    const before = await campaignState(t.url);
    await expect(decide.decideItems(alice, { itemIds: [deployer.id], decision: "revoke" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await campaignState(t.url)).toEqual(before);
    expect((await queries.getCampaign(callerAs("auditor"), campaignId)).signOff).toBe("Reviewed by the security team.");
  });
});

describe("recurring campaigns", () => {
  it("starts one activated copy per cron occurrence until the series is cancelled", async () => {
    const recurrence = await import("@/lib/campaigns/campaign-recurrence");
    const { id } = await create({ name: "Monthly", recurrence: "0 9 1 * *", reviewDays: 10, filter: { ownerEmail: "alice@example.com" } });
    await life.activateCampaign(analyst, id, new Date("2027-01-05T00:00:00Z"));
    expect(await recurrence.startDueRecurringCampaigns(t.db, new Date("2027-01-20T00:00:00Z"))).toEqual({ started: [], invalid: [] });
    const feb = await recurrence.startDueRecurringCampaigns(t.db, new Date("2027-02-01T09:30:00Z"));
    expect(feb.started).toHaveLength(1);
    expect(await recurrence.startDueRecurringCampaigns(t.db, new Date("2027-02-01T09:45:00Z"))).toEqual({ started: [], invalid: [] });
    const copy = await queries.getCampaign(analyst, feb.started[0]!);
    expect(copy).toMatchObject({ name: "Monthly (2027-02-01)", status: "ACTIVE", seriesId: id, dueAt: "2027-02-11T09:00:00.000Z", recurrence: null, progress: { items: 2 } });
    await life.cancelCampaign(analyst, id);
    expect((await recurrence.startDueRecurringCampaigns(t.db, new Date("2027-03-01T10:00:00Z"))).started).toEqual([]);
  });
});
