import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activeKey,
  callerAs,
  createToySources,
  ownedBy,
  ownerHint,
  syncClaims,
  syncDirectory,
  syncInventory,
  toyPerson,
  toyUser,
  type ToySources,
} from "@/lib/ownership/testing/ownership-fixture";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

/*
 * Owner resolution across two sources and Keyward's own assignments, loaded by the real sync
 * runner: explicit > source tag/owner API > catalog/CODEOWNERS > suggested, each level beating
 * the next, with the provenance of every claim; assignments and declared purposes survive a
 * re-sync that rewrites the identity; the owner rules read the resolved owner.
 */
let t: TestDatabase;
let sources: ToySources;
let own: typeof import("@/lib/ownership/get-ownership");
let assign: typeof import("@/lib/ownership/assign-owner");
let purpose: typeof import("@/lib/ownership/declare-purpose");
let evaluate: typeof import("@/lib/policy/evaluate");
let options: { url: string; auditKey: Buffer };
const analyst = callerAs("analyst");
const ids: Record<string, string> = {};

const users = (deployerOwner = "tag-owner@example.com") => [
  toyUser("deployer", ownerHint(deployerOwner, "toy.tag:Owner")),
  toyUser("builder", ownerHint("committer@example.com", "git.committer")),
  toyUser("guessed", ownerHint("committer@example.com", "toy.creator")),
  toyUser("legacy", ownerHint("tag-owner@example.com", "toy.tag:Owner")),
  toyUser("batch-job"),
];
const keys = [activeKey("deployer-key", "deployer"), activeKey("batch-key", "batch-job")];
const people = (aliceStatus: "active" | "left" = "active") => [
  toyPerson("tag-owner@example.com", "active"),
  toyPerson("catalog-owner@example.com", "active"),
  toyPerson("committer@example.com", "active"),
  toyPerson("alice@example.com", aliceStatus),
  toyPerson("backup@example.com", "active"),
];

async function evaluateRules(ruleIds: string[]) {
  const { getDb } = await import("@/lib/db");
  await evaluate.evaluatePolicies(getDb(), { actor: { type: "system", label: "test" }, ruleIds });
  const findings = await t.db.finding.findMany({ where: { rule: { in: ruleIds }, status: "open" } });
  const names = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  return findings.map((f) => ({ rule: f.rule, subject: names.get(f.subjectId), evidence: f.evidence }));
}

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  own = await import("@/lib/ownership/get-ownership");
  assign = await import("@/lib/ownership/assign-owner");
  purpose = await import("@/lib/ownership/declare-purpose");
  evaluate = await import("@/lib/policy/evaluate");
  const { getInstanceKeys } = await import("@/lib/runtime/instance-keys");
  options = { url: t.url, auditKey: getInstanceKeys().auditKey };
  sources = await createToySources(t.url);
  expect((await syncDirectory(options, sources.directory, people())).status).toBe("succeeded");
  expect((await syncInventory(options, sources.inventory, users(), keys)).status).toBe("succeeded");
  // The catalog names owners of the other source's identities: the edges resolve across sources.
  const claims = [
    ownedBy("deployer", "catalog-owner@example.com", "catalog:catalog-info.yaml"),
    ownedBy("builder", "catalog-owner@example.com", "codeowners:/CODEOWNERS"),
  ];
  expect((await syncClaims(options, sources.claims, claims)).status).toBe("succeeded");
  for (const row of await t.db.identity.findMany({ select: { id: true, name: true } })) ids[row.name] = row.id;
});
afterAll(async () => {
  const { getDb } = await import("@/lib/db");
  await getDb().$disconnect();
  await t.drop();
});

const summary = (o: Awaited<ReturnType<typeof own.getOwnership>>) => o.candidates.map((c) => `${c.winner ? "*" : ""}${c.kind}:${c.email}:${c.provenance}`);

describe("resolution order", () => {
  it("prefers a source's owner tag to the catalog, with the provenance and source of each claim", async () => {
    const deployer = await own.getOwnership(analyst, ids.deployer!);
    expect(summary(deployer)).toEqual([
      "*source:tag-owner@example.com:toy.tag:Owner",
      "catalog:catalog-owner@example.com:catalog:catalog-info.yaml",
    ]);
    expect(deployer.owner).toMatchObject({ origin: "owner_hint", sourceName: "toy-cloud", status: "active" });
    expect(deployer.candidates[1]).toMatchObject({ origin: "owned_by", sourceName: "toy-catalog" });
    expect(deployer.owned).toBe(true);
  });

  it("prefers CODEOWNERS to a suggestion, and never counts a suggestion alone as an owner", async () => {
    const builder = await own.getOwnership(analyst, ids.builder!);
    expect(summary(builder)).toEqual(["*catalog:catalog-owner@example.com:codeowners:/CODEOWNERS", "suggested:committer@example.com:git.committer"]);
    const guessed = await own.getOwnership(analyst, ids.guessed!);
    expect(guessed).toMatchObject({ owned: false, owner: { kind: "suggested", email: "committer@example.com", provenance: "toy.creator" } });
    expect((await evaluateRules(["no-owner"])).filter((f) => f.subject).map((f) => f.subject).sort()).toEqual(["batch-job", "guessed"]);
  });

  it("puts an explicit assignment above every source, flagging an owner the directory does not know", async () => {
    const result = await assign.assignOwner(analyst, { identityIds: [ids.deployer!], ownerEmail: "New-Owner@Example.com", backupEmail: "backup@example.com", note: "Platform team took it over" });
    expect(result).toEqual({
      assigned: 1,
      owner: { email: "new-owner@example.com", name: null, status: "unknown" },
      backup: { email: "backup@example.com", name: null, status: "active" },
    });
    const deployer = await own.getOwnership(analyst, ids.deployer!);
    expect(summary(deployer)).toEqual([
      "*explicit:new-owner@example.com:keyward.assignment",
      "source:tag-owner@example.com:toy.tag:Owner",
      "catalog:catalog-owner@example.com:catalog:catalog-info.yaml",
    ]);
    expect(deployer).toMatchObject({
      owner: { sourceName: null, status: "unknown" },
      backup: { email: "backup@example.com", status: "active" },
      assignment: { assignedBy: "analyst@example.com", note: "Platform team took it over" },
      confirmation: null,
    });
  });
});

describe("re-syncs", () => {
  it("keep the assignment and the declared purpose when the source rewrites the identity", async () => {
    await purpose.declarePurpose(analyst, { identityId: ids.deployer!, purpose: "Deploys the shop", endDate: "2031-01-31" });
    // The source now names someone else and has no purpose: the row is rewritten.
    const resync = await syncInventory(options, sources.inventory, users("someone-else@example.com"), keys);
    expect(resync.counts.identity).toMatchObject({ updated: 1 });

    const deployer = await own.getOwnership(analyst, ids.deployer!);
    expect(summary(deployer).slice(0, 2)).toEqual(["*explicit:new-owner@example.com:keyward.assignment", "source:someone-else@example.com:toy.tag:Owner"]);
    expect(deployer.purpose).toMatchObject({ purpose: "Deploys the shop", endDate: "2031-01-31T23:59:59.999Z", declared: { by: "analyst@example.com" } });
    const row = await t.db.identity.findUniqueOrThrow({ where: { id: ids.deployer! } });
    expect(row.ownerHint).toEqual({ email: "someone-else@example.com", provenance: "toy.tag:Owner" });
    expect([row.purpose, row.endDate?.toISOString()]).toEqual(["Deploys the shop", "2031-01-31T23:59:59.999Z"]);
  });
});

describe("the owner rules read the resolved owner", () => {
  it("raise owner-departed when the directory says the assigned owner left, naming the active backup", async () => {
    await assign.assignOwner(analyst, { identityIds: [ids.legacy!], ownerEmail: "alice@example.com", backupEmail: "backup@example.com" });
    expect((await evaluateRules(["owner-departed"])).map((f) => f.subject)).toEqual(["deployer"]);
    expect((await syncDirectory(options, sources.directory, people("left"))).status).toBe("succeeded");

    const departed = await evaluateRules(["owner-departed"]);
    expect(departed.map((f) => f.subject).sort()).toEqual(["deployer", "legacy"]);
    expect(departed.find((f) => f.subject === "legacy")?.evidence).toEqual({
      owner: { email: "alice@example.com", status: "left", kind: "explicit", via: "keyward.assignment" },
      backup: { email: "backup@example.com", status: "active" },
    });
  });

  it("raise outlived-purpose once a declared end date has passed while a credential is active", async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    expect(await evaluateRules(["outlived-purpose"])).toEqual([]);
    await purpose.declarePurpose(analyst, { identityId: ids["batch-job"]!, purpose: "Q3 data migration", endDate: yesterday });
    const outlived = await evaluateRules(["outlived-purpose"]);
    expect(outlived.map((f) => f.subject)).toEqual(["batch-job"]);
    expect(outlived[0]?.evidence).toMatchObject({ purpose: "Q3 data migration", endDate: yesterday, activeCredentials: 1 });
  });
});
