import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs } from "@/lib/ownership/testing/ownership-fixture";
import { evaluatePolicies } from "@/lib/policy/evaluate";
import { refreshRiskScores } from "@/lib/risk/refresh-risk-scores";
import { pathText } from "@/lib/risk/risk-evidence";
import { computeRiskScore, type RiskLevels } from "@/lib/risk/risk-formula";
import { ANA, BO, createRiskSources, syncRiskDirectory, syncRiskInventory } from "@/lib/risk/testing/risk-fixture";
import { createTestDatabase, TEST_AUDIT_KEY, type TestDatabase } from "@/test/support/test-database";

/*
 * The risk refresh over an inventory loaded by the real sync runner (lib/risk/testing/risk-fixture.ts):
 * each factor moves the score as docs/risk.md says, the evidence path names what produced it,
 * owners see only their own identities, an unchanged inventory writes nothing, and an identity
 * that goes away loses its score.
 */
let t: TestDatabase;
let client: pg.Client;
let sources: { inventory: string; directory: string };
let read: typeof import("@/lib/risk/read-risk");
// Records are first seen when the test syncs them; the posture is judged a little later.
const NOW = new Date(Date.now() + 3_600_000);
const options = () => ({ url: t.url, auditKey: TEST_AUDIT_KEY });
const analyst = callerAs("analyst");

async function refresh(now = NOW) {
  await evaluatePolicies(client, { actor: { type: "system", label: "test" }, auditKey: TEST_AUDIT_KEY, asOf: now });
  return refreshRiskScores(client, now);
}

async function scores(): Promise<Record<string, { score: number; levels: RiskLevels }>> {
  const { rows } = await client.query<{ name: string; score: string; factors: Record<string, { level: string }> }>(
    `SELECT i.name, s.score::text AS score, s.factors FROM identity_risk_scores s JOIN identities i ON i.id = s.identity_id`,
  );
  return Object.fromEntries(
    rows.map((r) => [r.name, { score: Number(r.score), levels: Object.fromEntries(Object.entries(r.factors).map(([f, v]) => [f, v.level])) as RiskLevels }]),
  );
}

async function idOf(name: string): Promise<string> {
  const { rows } = await client.query<{ id: string }>(`SELECT id::text FROM identities WHERE name = $1`, [name]);
  return rows[0]!.id;
}

async function pathOf(name: string, factor: string, caller = analyst): Promise<string> {
  const risk = await read.readRisk(caller, await idOf(name));
  return pathText(risk!.factors.find((f) => f.factor === factor)!.path);
}

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  read = await import("@/lib/risk/read-risk");
  client = new pg.Client({ connectionString: t.url });
  await client.connect();
  sources = await createRiskSources(t.url);
  await syncRiskDirectory(options(), sources.directory);
  await syncRiskInventory(options(), sources.inventory, NOW);
});
afterAll(async () => {
  const { getDb } = await import("@/lib/db");
  await getDb().$disconnect();
  await client?.end();
  await t?.drop();
});

describe("refreshRiskScores", () => {
  it("scores every present identity, each factor moving the score by its documented weight", async () => {
    const counts = await refresh();
    expect(counts).toEqual({ computed: 17, written: 17, removed: 0 });
    const all = await scores();
    expect(Object.fromEntries(Object.entries(all).map(([name, s]) => [name, s.score]))).toEqual({
      baseline: 5, // read × non-prod × clean × rotated × owned: the base
      "bo-thing": 5,
      "write-direct": 10, // write ×2
      "admin-direct": 20, // admin ×4
      "admin-via-key": 20, // admin through a credential it holds
      assumer: 20, // admin through a role it can assume (cluster-admin counts as admin)
      "deploy-role": 20,
      "prod-user": 10, // prod ×2
      "reaches-prod": 10, // dev, but has a permission on a prod resource
      "unset-env": 10, // no environment: counted as production
      "in-code": 10, // a key committed to a repository ×2
      "plain-config": 7.5, // an unmasked CI variable ×1.5
      reuser: 7.5, // its key's value is also held elsewhere ×1.5
      aging: 6.3, // a key past the 180-day non-prod policy ×1.25
      stale: 7.5, // more than twice past it ×1.5
      orphan: 7.5, // no owner ×1.5
      departed: 8.8, // owner left ×1.75
    });
    // The SQL and the published formula agree on every identity.
    for (const s of Object.values(all)) expect(s.score).toBe(computeRiskScore(s.levels));
    expect(all["reaches-prod"]!.levels.environment).toBe("prod");
    expect(all.aging!.levels.age).toBe("over");
    expect(all.stale!.levels.age).toBe("far-over");
    expect(all.departed!.levels.ownership).toBe("owner-departed");
    expect(all["deploy-role"]!.levels.age).toBe("none");
  });

  it("shows the path behind each factor", async () => {
    expect(await pathOf("admin-via-key", "privilege")).toBe("has_permission admin on dev-db via ops-key (strongest of 2 grants)");
    expect(await pathOf("assumer", "privilege")).toBe("has_permission admin (role cluster-admin) on dev-db via can_assume deploy-role");
    expect(await pathOf("admin-direct", "privilege")).toBe("has_permission admin on dev-db");
    expect(await pathOf("reaches-prod", "environment")).toBe("identity in 'dev', has_permission on prod-db in 'prod'");
    expect(await pathOf("unset-env", "environment")).toBe("no environment set: counted as production");
    expect(await pathOf("in-code", "exposure")).toBe("secret-in-code: code-key in app/settings.py:3@d3adb33fd3ad");
    expect(await pathOf("plain-config", "exposure")).toBe("secret-in-plain-config: ci-var (ci-variable-unmasked)");
    expect(await pathOf("reuser", "reuse")).toBe("fingerprint of shared-a also in .env:1@d3adb33fd3ad");
    expect(await pathOf("stale", "age")).toMatch(/^stale-old created, never rotated, \d{4}-\d{2}-\d{2} \(policy: rotate within 180 days\)$/);
    expect(await pathOf("departed", "ownership")).toBe("owner leo@example.com (left the organisation) via toy.tag:Owner");
    expect(await pathOf("orphan", "ownership")).toBe("no owner resolved");
    const risk = await read.readRisk(analyst, await idOf("admin-via-key"));
    expect(risk).toMatchObject({ score: 20, band: "low" });
    const privilege = risk!.factors.find((f) => f.factor === "privilege")!;
    expect(privilege).toMatchObject({ level: "admin", weight: 4 });
    // The credential in the path links to its page.
    const ops = await client.query<{ id: string }>(`SELECT id::text FROM credentials WHERE name = 'ops-key'`);
    expect(privilege.path.find((s) => s.node)?.node).toEqual({ kind: "credential", id: ops.rows[0]!.id });
  });

  it("writes nothing when nothing changed", async () => {
    const before = await client.query(`SELECT identity_id::text || ':' || xmin::text AS v FROM identity_risk_scores ORDER BY 1`);
    expect(await refresh()).toEqual({ computed: 17, written: 0, removed: 0 });
    const after = await client.query(`SELECT identity_id::text || ':' || xmin::text AS v FROM identity_risk_scores ORDER BY 1`);
    expect(after.rows).toEqual(before.rows);
  });

  it("rewrites only the rows whose factors changed as time passes", async () => {
    const versions = async () =>
      Object.fromEntries(
        (await client.query<{ name: string; v: string }>(`SELECT i.name, s.xmin::text AS v FROM identity_risk_scores s JOIN identities i ON i.id = s.identity_id`)).rows.map(
          (r) => [r.name, r.v],
        ),
      );
    const before = await versions();
    // 100 days on, the 10-day-old keys are 110 days old: past the 90-day policy in production
    // (prod-user, and unset-env, counted as production), still within the 180 days elsewhere.
    const later = new Date(NOW.getTime() + 100 * 86_400_000);
    expect(await refresh(later)).toEqual({ computed: 17, written: 2, removed: 0 });
    const after = await versions();
    expect(Object.keys(after).filter((name) => after[name] !== before[name]).sort()).toEqual(["prod-user", "unset-env"]);
    const all = await scores();
    expect(all["prod-user"]).toMatchObject({ score: 12.5, levels: { age: "over" } });
    expect(all.aging!.levels.age).toBe("over");
    expect((await refresh()).written).toBe(2); // back to NOW for the next tests
  });

  it("removes the score of an identity that goes away", async () => {
    const orphan = await idOf("orphan");
    await syncRiskInventory(options(), sources.inventory, NOW, ["orphan"]);
    expect(await refresh()).toEqual({ computed: 16, written: 0, removed: 1 });
    const { rows } = await client.query(`SELECT 1 FROM identity_risk_scores WHERE identity_id = $1`, [orphan]);
    expect(rows).toEqual([]);
    await expect(read.readRisk(analyst, orphan)).resolves.toBeNull();
  });
});

describe("who sees which risk", () => {
  it("lists the highest scores first for analysts", async () => {
    const top = await read.topRisks(analyst, 3);
    expect(top.map((r) => r.score)).toEqual([20, 20, 20]);
    expect(top[0]!.drivers[0]).toMatchObject({ factor: "privilege", level: "admin", weight: 4 });
    expect(top.every((r) => r.band === "low")).toBe(true);
  });

  it("shows owners only their own identities, on the list and in the detail", async () => {
    const ana = callerAs("owner", ANA);
    const bo = callerAs("owner", BO);
    const anaTop = await read.topRisks(ana, 100);
    expect(anaTop.map((r) => r.name)).not.toContain("bo-thing");
    expect(anaTop.map((r) => r.name)).not.toContain("departed");
    expect(anaTop).toHaveLength(14);
    expect((await read.topRisks(bo, 100)).map((r) => r.name)).toEqual(["bo-thing"]);
    await expect(read.readRisk(bo, await idOf("baseline"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(read.readRisk(bo, await idOf("bo-thing"))).resolves.toMatchObject({ score: 5 });
    await expect(read.readRisk(ana, await idOf("baseline"))).resolves.toMatchObject({ score: 5 });
  });

  it("refuses a limit out of range and an unknown id", async () => {
    await expect(read.topRisks(analyst, 0)).rejects.toMatchObject({ code: "INVALID_INPUT", field: "limit" });
    await expect(read.topRisks(analyst, 101)).rejects.toMatchObject({ code: "INVALID_INPUT", field: "limit" });
    await expect(read.readRisk(analyst, "not-a-uuid")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
