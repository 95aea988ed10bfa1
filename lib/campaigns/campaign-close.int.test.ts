import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFirstCsvRecord } from "@/connectors/sdk/csv-header";
import { ANALYST_EMAIL, SECURITY_QUEUE, buildCampaignWorld, callerAs, users, type CampaignWorld } from "@/lib/campaigns/testing/campaign-fixture";
import { activeKey, syncInventory } from "@/lib/ownership/testing/ownership-fixture";
import { query, SYSTEM_ACTOR, withClient } from "@/lib/sync/testing/run-fixtures";
import { ITEM_COLUMNS } from "@/lib/campaigns/evidence-csv";
import { createTestDatabase, TEST_AUDIT_KEY, type TestDatabase } from "@/test/support/test-database";

/*
 * Closing a campaign: undecided items get the default action, reassign and extend take effect,
 * revoke/rotate become remediation tasks that an owner closes or a later sync verifies; the
 * evidence pack lists every decision, spreadsheet-safe, with a manifest whose hashes are audited.
 */
let t: TestDatabase;
let world: CampaignWorld;
let life: typeof import("@/lib/campaigns/campaign-lifecycle");
let close: typeof import("@/lib/campaigns/close-campaign");
let decide: typeof import("@/lib/campaigns/decide-items");
let remediation: typeof import("@/lib/campaigns/remediation");
let evidence: typeof import("@/lib/campaigns/campaign-evidence");
let csv: typeof import("@/lib/campaigns/evidence-csv");
const analyst = callerAs("analyst", ANALYST_EMAIL);
const auditor = callerAs("auditor");
let campaignId: string;
const CLOSED_AT = new Date("2027-02-01T12:00:00Z");

const itemId = async (name: string) =>
  (await query<{ id: string }>(t.url, `SELECT id::text FROM campaign_items WHERE campaign_id = $1 AND identity_name = $2`, [campaignId, name]))[0]!.id;
const tasks = () =>
  query<{ identity_name: string; action: string; status: string; resolution: string | null; done_by: string | null }>(
    t.url,
    `SELECT ci.identity_name, r.action, r.status, r.resolution, r.done_by FROM remediation_tasks r JOIN campaign_items ci ON ci.id = r.item_id
     WHERE r.campaign_id = $1 ORDER BY ci.identity_name`,
    [campaignId],
  );

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  world = await buildCampaignWorld(t.url, TEST_AUDIT_KEY);
  life = await import("@/lib/campaigns/campaign-lifecycle");
  close = await import("@/lib/campaigns/close-campaign");
  decide = await import("@/lib/campaigns/decide-items");
  remediation = await import("@/lib/campaigns/remediation");
  evidence = await import("@/lib/campaigns/campaign-evidence");
  csv = await import("@/lib/campaigns/evidence-csv");
  campaignId = (await life.createCampaign(analyst, { name: "Year-end", securityQueue: SECURITY_QUEUE, dueAt: "2027-01-31", defaultAction: "revoke" })).id;
  await life.activateCampaign(analyst, campaignId, new Date("2027-01-02T00:00:00Z"));
  const owner = (email: string) => callerAs("owner", email);
  await decide.decideItems(owner("alice@example.com"), { itemIds: [await itemId("deployer")], decision: "revoke", comment: "+SUM(1) no longer needed" });
  await decide.decideItems(owner("mgr@example.com"), { itemIds: [await itemId("builder")], decision: "rotate" });
  await decide.decideItems(owner("mgr@example.com"), { itemIds: [await itemId("personal")], decision: "extend", newEndDate: "2027-06-30T00:00:00Z" });
  await decide.decideItems(owner("carol@example.com"), { itemIds: [await itemId("=cmd|calc")], decision: "reassign", newOwnerEmail: "dave@example.com", comment: "@dave owns it now" });
});
afterAll(async () => {
  const { getDb } = await import("@/lib/db");
  await getDb().$disconnect();
  await t.drop();
});

describe("close", () => {
  it("applies the default action to undecided items and every decision's effect", async () => {
    const closed = await close.closeCampaign(analyst, campaignId, { signOff: "Signed off by the CISO." }, CLOSED_AT);
    expect(closed).toMatchObject({ status: "CLOSED", closedBy: ANALYST_EMAIL, progress: { items: 7, decided: 7, pending: 0 } });
    const defaulted = await query<{ identity_name: string; decision: string }>(
      t.url,
      `SELECT identity_name, decision FROM campaign_items WHERE campaign_id = $1 AND decided_by_default ORDER BY identity_name`,
      [campaignId],
    );
    expect(defaulted).toEqual([
      { identity_name: "backed", decision: "revoke" },
      { identity_name: "orphan", decision: "revoke" },
      { identity_name: "sec-bot", decision: "revoke" },
    ]);
    const [assignment] = await query<{ owner_email: string }>(t.url, `SELECT owner_email FROM owner_assignments WHERE identity_id = $1`, [world.ids["=cmd|calc"]]);
    expect(assignment?.owner_email).toBe("dave@example.com");
    const [personal] = await query<{ end_date: Date }>(t.url, `SELECT end_date FROM identities WHERE id = $1`, [world.ids.personal]);
    expect(personal?.end_date.toISOString()).toBe("2027-06-30T00:00:00.000Z");
    expect((await tasks()).map((r) => [r.identity_name, r.action, r.status])).toEqual([
      ["backed", "revoke", "OPEN"],
      ["builder", "rotate", "OPEN"],
      ["deployer", "revoke", "OPEN"],
      ["orphan", "revoke", "OPEN"],
      ["sec-bot", "revoke", "OPEN"],
    ]);
    const [event] = await query<{ summary: Record<string, unknown> }>(t.url, `SELECT summary FROM audit_events WHERE action = 'campaign.closed' AND target_id = $1`, [campaignId]);
    expect(event?.summary).toMatchObject({ defaulted: 3, reassigned: 1, extended: 1, remediationTasks: 5, signOff: "Signed off by the CISO." });
  });

  it("keeps the extended end date across a re-sync of the identity", async () => {
    await syncInventory(world.options, world.sources.inventory, users().map((u) => (u.externalId === "personal" ? { ...u, name: "personal (renamed)" } : u)), [
      activeKey("deployer-key", "deployer"),
      activeKey("builder-key", "builder"),
      activeKey("orphan-key", "orphan"),
    ]);
    const [personal] = await query<{ name: string; end_date: Date }>(t.url, `SELECT name, end_date FROM identities WHERE id = $1`, [world.ids.personal]);
    expect(personal).toMatchObject({ name: "personal (renamed)" });
    expect(personal?.end_date.toISOString()).toBe("2027-06-30T00:00:00.000Z");
  });

  it("verifies remediation with a later sync, and lets the owner close a task", async () => {
    expect(await remediation.verifyRemediationTasks(t.db, CLOSED_AT)).toEqual({ verified: 0 });
    // Rotated after the task opened (at close).
    const rotatedAt = new Date(CLOSED_AT.getTime() + 86_400_000).toISOString();
    await syncInventory(
      world.options,
      world.sources.inventory,
      users().filter((u) => u.externalId !== "sec-bot"),
      [activeKey("deployer-key", "deployer"), { ...activeKey("builder-key", "builder"), lastRotatedAt: rotatedAt }],
    );
    expect(await remediation.verifyRemediationTasks(t.db)).toEqual({ verified: 3 });
    const carol = callerAs("owner", "carol@example.com");
    const [deployerTask] = await query<{ id: string }>(t.url, `SELECT r.id::text FROM remediation_tasks r JOIN campaign_items ci ON ci.id = r.item_id WHERE ci.identity_name = 'deployer' AND r.campaign_id = $1`, [campaignId]);
    await expect(remediation.completeRemediationTask(carol, deployerTask!.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await remediation.completeRemediationTask(callerAs("owner", "alice@example.com"), deployerTask!.id, { note: "Key deleted in the console." });
    await expect(remediation.completeRemediationTask(callerAs("owner", "alice@example.com"), deployerTask!.id)).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await tasks()).map((r) => [r.identity_name, r.status, r.resolution, r.done_by])).toEqual([
      ["backed", "OPEN", null, null],
      ["builder", "DONE", "sync", "system:sync"],
      ["deployer", "DONE", "owner", "alice@example.com"],
      ["orphan", "DONE", "sync", "system:sync"],
      ["sec-bot", "DONE", "sync", "system:sync"],
    ]);
    expect(await remediation.verifyRemediationTasks(t.db)).toEqual({ verified: 0 });
  });
});

describe("evidence", () => {
  it("lists every decision with who, when and why, spreadsheet-safe, with audited hashes", async () => {
    await expect(csv.exportCampaignEvidenceCsv(callerAs("owner", "alice@example.com"), campaignId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const pack = await csv.exportCampaignEvidenceCsv(auditor, campaignId);
    expect(pack.files.map((f) => f.name)).toEqual(["campaign.csv", "reviewers.csv", "items.csv"]);
    const items = pack.files[2]!.content.split("\r\n").filter(Boolean).map((line) => parseFirstCsvRecord(line)!);
    expect(items[0]).toEqual([...ITEM_COLUMNS]);
    const rows = items.slice(1).map((cells) => Object.fromEntries(ITEM_COLUMNS.map((c, i) => [c, cells[i]])));
    const dbItems = await query<{ id: string }>(t.url, `SELECT id::text FROM campaign_items WHERE campaign_id = $1`, [campaignId]);
    expect(rows.map((r) => r.item_id).sort()).toEqual(dbItems.map((i) => i.id).sort());
    const byName = Object.fromEntries(rows.map((r) => [r.identity, r]));
    expect(byName["'=cmd|calc"]).toMatchObject({ decision: "reassign", decided_by: "carol@example.com", comment: "'@dave owns it now", new_owner: "dave@example.com" });
    expect(byName.deployer).toMatchObject({ decision: "revoke", decided_by: "alice@example.com", comment: "'+SUM(1) no longer needed", remediation_status: "DONE", remediation_resolution: "owner" });
    expect(byName.orphan).toMatchObject({ decision: "revoke", by_default: "true", decided_by: "system:default-action", reviewer: SECURITY_QUEUE });
    expect(byName.deployer!.decided_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const campaignCsv = pack.files[0]!.content;
    expect(campaignCsv).toContain("sign_off,Signed off by the CISO.");
    for (const file of pack.files) {
      expect(createHash("sha256").update(file.content).digest("hex")).toBe(file.sha256);
      expect(pack.manifest).toContain(`${file.sha256}  ${file.name}\n`);
    }
    const [event] = await query<{ summary: { files: Array<{ name: string; sha256: string }> } }>(
      t.url,
      `SELECT summary FROM audit_events WHERE action = 'campaign.evidence_exported' AND target_id = $1`,
      [campaignId],
    );
    expect(event?.summary.files.map((f) => f.sha256)).toEqual(pack.files.map((f) => f.sha256));
  });

  it("offers the same evidence as a DTO for the PDF", async () => {
    const dto = await evidence.campaignEvidence(auditor, campaignId);
    expect(dto.items).toHaveLength(7);
    expect(dto.decisions).toEqual({ keep: 0, revoke: 4, rotate: 1, reassign: 1, extend: 1 });
    expect(dto.remediation).toEqual({ open: 1, done: 4 });
    expect(dto.reviewers.find((r) => r.email === SECURITY_QUEUE)).toEqual({ email: SECURITY_QUEUE, items: 2, decided: 2, pending: 0 });
    expect(dto.campaign.signOff).toBe("Signed off by the CISO.");
  });
});

describe("event-triggered micro-reviews", () => {
  it("opens one activated single-item review per event, and never twice", async () => {
    const { evaluatePolicies } = await import("@/lib/policy/evaluate");
    await withClient(t.url, (client) => evaluatePolicies(client, { actor: SYSTEM_ACTOR, auditKey: TEST_AUDIT_KEY, ruleIds: ["owner-departed"] }));
    await query(t.url, `INSERT INTO findings (id, rule, severity, owasp, subject_type, subject_id) SELECT gen_random_uuid(), 'secret-in-code', 'critical', 'NHI2', 'credential', id FROM credentials WHERE external_id = 'deployer-key'`);
    const micro = await import("@/lib/campaigns/micro-reviews");
    const settings = { ownerDeparted: true, secretInCode: true, endDatePassed: true, reviewDays: 7, securityQueue: SECURITY_QUEUE, defaultAction: "keep" as const };
    const after = new Date("2027-07-01T00:00:00Z");
    expect(await micro.openMicroReviews(t.db, after, { ...settings, ownerDeparted: false, secretInCode: false, endDatePassed: false })).toEqual({ opened: [] });
    const { opened } = await micro.openMicroReviews(t.db, after, settings);
    const reviews = await query<{ trigger: string; status: string; identity_name: string; reviewer_email: string }>(
      t.url,
      `SELECT split_part(c.trigger, ':', 1) AS trigger, c.status, ci.identity_name, ci.reviewer_email
       FROM campaigns c JOIN campaign_items ci ON ci.campaign_id = c.id WHERE c.id = ANY($1::uuid[]) ORDER BY 1, 3`,
      [opened],
    );
    expect(reviews).toEqual([
      { trigger: "end-date", status: "ACTIVE", identity_name: "personal", reviewer_email: "mgr@example.com" },
      { trigger: "owner-departed", status: "ACTIVE", identity_name: "backed", reviewer_email: "dave@example.com" },
      { trigger: "owner-departed", status: "ACTIVE", identity_name: "builder", reviewer_email: "mgr@example.com" },
      { trigger: "secret-in-code", status: "ACTIVE", identity_name: "deployer", reviewer_email: "alice@example.com" },
    ]);
    expect(await micro.openMicroReviews(t.db, new Date("2027-07-02T00:00:00Z"), settings)).toEqual({ opened: [] });
  });
});

describe("campaignOverview (the campaign page)", () => {
  it("agrees with the full evidence: aggregates in SQL, one page of items, remediation tasks open first", async () => {
    const { campaignOverview, OVERVIEW_PAGE_SIZE } = await import("@/lib/campaigns/campaign-overview");
    const full = await evidence.campaignEvidence(auditor, campaignId);
    const overview = await campaignOverview(analyst, campaignId);
    expect(overview.decisions).toEqual(full.decisions);
    expect(overview.remediation).toEqual(full.remediation);
    expect(overview.reviewerCount).toBe(full.reviewers.length);
    expect([...overview.reviewers].sort((a, b) => a.email.localeCompare(b.email))).toEqual(full.reviewers);
    expect(overview.items).toEqual(full.items.slice(0, OVERVIEW_PAGE_SIZE));
    expect(overview.pageCount).toBe(1);
    const taskStatuses = overview.tasks.map((i) => i.remediation!.status);
    expect(taskStatuses).toEqual([...taskStatuses].sort((a, b) => Number(b === "OPEN") - Number(a === "OPEN")));
    expect(overview.tasks.length).toBe(full.items.filter((i) => i.remediation).length);
    expect((await campaignOverview(analyst, campaignId, 2)).items).toEqual([]);
    await expect(campaignOverview(callerAs("owner", "alice@example.com"), campaignId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(campaignOverview(analyst, campaignId, 0)).rejects.toMatchObject({ code: "INVALID_INPUT", field: "page" });
  });
});
