import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";
import type { Caller } from "@/lib/auth/session-context";

let t: TestDatabase;
let rollup: typeof import("@/lib/inventory/dashboard-rollup");
let compute: typeof import("@/lib/inventory/inventory-summary").computeInventorySummary;
const NOW = new Date("2026-06-01T00:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
const caller = (role: Caller["role"], email = `${role}@example.com`): Caller => ({ type: "user", userId: null, email, name: null, role, sessionId: null });

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  rollup = await import("@/lib/inventory/dashboard-rollup");
  compute = (await import("@/lib/inventory/inventory-summary")).computeInventorySummary;
  const aws = await t.db.source.create({ data: { provider: "aws", name: "aws-prod" } });
  const gh = await t.db.source.create({ data: { provider: "github", name: "gh" } });
  const base = { scope: "s", contentHash: "h", lastSeenGeneration: BigInt(1) };
  const owned = await t.db.identity.create({ data: { ...base, sourceId: aws.id, externalType: "aws.iam_user", externalId: "u1", name: "deployer", type: "iam_user", ownerHint: { email: "ana@example.com", provenance: "tag" } } });
  const orphan = await t.db.identity.create({ data: { ...base, sourceId: aws.id, externalType: "aws.iam_user", externalId: "u2", name: "legacy", type: "iam_user" } });
  await t.db.identity.create({ data: { ...base, sourceId: gh.id, externalType: "gh.app", externalId: "a1", name: "gone-app", type: "other", goneSince: daysAgo(1) } });
  const cred = (identityId: string, externalId: string, extra: Record<string, unknown>) =>
    t.db.credential.create({ data: { ...base, sourceId: aws.id, externalType: "aws.access_key", externalId, name: externalId, type: "access_key", status: "active", identityId, ...extra } });
  await cred(owned.id, "k1", { createdAtSource: daysAgo(10), expiresAt: new Date(NOW.getTime() + 5 * 86_400_000) });
  const k2 = await cred(owned.id, "k2", { createdAtSource: daysAgo(400) });
  await cred(orphan.id, "k3", { createdAtSource: daysAgo(120), lastRotatedAt: daysAgo(45), locations: [{ source: "git", path: "app/.env" }] });
  await cred(orphan.id, "k4", { createdAtSource: daysAgo(100), goneSince: daysAgo(2) });
  await t.db.finding.create({ data: { rule: "no-owner", severity: "high", owasp: "NHI1", subjectType: "identity", subjectId: orphan.id } });
  await t.db.finding.create({ data: { rule: "credential-max-age", severity: "medium", owasp: "NHI7", subjectType: "credential", subjectId: k2.id } });
});
afterAll(async () => {
  const { getDb } = await import("@/lib/db");
  await getDb().$disconnect();
  await t.drop();
});

const prismaQuery = <T,>(sql: string, params: unknown[]) => t.db.$queryRawUnsafe<T[]>(sql, ...params);

describe("computeInventorySummary", () => {
  it("counts present records only, with ownership, rotation policy, expiry, age buckets, vaults and open findings", async () => {
    const s = await compute(prismaQuery, null, NOW);
    expect(s).toMatchObject({
      identities: 2,
      credentials: 3,
      ownedIdentities: 1,
      activeCredentials: 3,
      withinRotationPolicy: 2,
      expiringIn30Days: 1,
      olderThan90Days: 1,
      outsideVaults: 1,
    });
    expect(s.bySource).toEqual([
      { provider: "aws", identities: 2, credentials: 3 },
      { provider: "github", identities: 0, credentials: 0 },
    ]);
    expect(s.identitiesByType).toEqual([{ type: "iam_user", count: 2 }]);
    expect(s.credentialsByType).toEqual([{ type: "access_key", count: 3 }]);
    expect(Object.fromEntries(s.rotationAge.map((b) => [b.bucket, b.credentials]))).toEqual({
      "< 30 d": 1, "30–90 d": 1, "90–180 d": 0, "180–365 d": 0, "> 1 y": 1, unknown: 0,
    });
    expect(s.openFindings).toEqual([{ severity: "high", count: 1 }, { severity: "medium", count: 1 }]);
    expect(s.openFindingsByOwasp).toEqual([{ owasp: "NHI1", count: 1 }, { owasp: "NHI7", count: 1 }]);
  });

  it("narrows an owner to the identities they own and their findings", async () => {
    const s = await compute(prismaQuery, "ana@example.com", NOW);
    expect(s).toMatchObject({ identities: 1, credentials: 2, ownedIdentities: 1, openFindings: [{ severity: "medium", count: 1 }] });
    const stranger = await compute(prismaQuery, "bob@example.com", NOW);
    expect(stranger).toMatchObject({ identities: 0, credentials: 0, openFindings: [] });
  });
});

describe("dashboard rollup", () => {
  it("serves the rollup until the next refresh, open findings live, and one trend point per day", async () => {
    const first = await rollup.readDashboard(caller("analyst"));
    expect(first.summary.identities).toBe(2);
    const [aws] = await t.db.source.findMany({ where: { provider: "aws" } });
    const base = { scope: "s", contentHash: "h", lastSeenGeneration: BigInt(1), sourceId: aws!.id, type: "iam_user" };
    const added = await t.db.identity.create({ data: { ...base, externalType: "aws.iam_user", externalId: "u9", name: "new" } });
    await t.db.finding.create({ data: { rule: "no-owner", severity: "high", owasp: "NHI1", subjectType: "identity", subjectId: added.id } });

    const stale = await rollup.readDashboard(caller("auditor"));
    expect(stale.summary.identities).toBe(2); // precomputed: no aggregation per page view
    expect(stale.summary.openFindings).toContainEqual({ severity: "high", count: 2 }); // live

    await rollup.refreshDashboardRollup(t.db, new Date(Date.now() - 86_400_000));
    await rollup.refreshDashboardRollup(t.db);
    const fresh = await rollup.readDashboard(caller("analyst"));
    expect(fresh.summary.identities).toBe(3);
    expect(fresh.trend).toHaveLength(2);
    expect(fresh.trend.at(-1)).toMatchObject({ identities: 3, credentials: 3, openFindings: 3 });
  });

  it("gives owners their own figures, computed live, and refuses callers without inventory:read", async () => {
    const mine = await rollup.readDashboard(caller("owner", "ana@example.com"));
    expect(mine.summary).toMatchObject({ identities: 1, credentials: 2 });
    expect(mine.trend).toEqual([]);
    await expect(rollup.readDashboard({ ...caller("auditor"), role: "nobody" as Caller["role"] })).rejects.toThrow();
  });
});

describe("open_finding_counts", () => {
  const counted = () =>
    prismaQuery<{ severity: string; owasp: string; n: bigint }>(`SELECT severity, owasp, n FROM open_finding_counts WHERE n <> 0 ORDER BY 1, 2`, []);
  const live = () =>
    prismaQuery<{ severity: string; owasp: string; n: bigint }>(
      `SELECT severity, owasp, count(*) AS n FROM findings WHERE status = 'open' GROUP BY 1, 2 ORDER BY 1, 2`,
      [],
    );

  it("stays equal to a live count through bulk inserts, triage, reopening, deletes and truncate", async () => {
    const subject = "00000000-0000-4000-8000-000000000001";
    await prismaQuery(
      `INSERT INTO findings (id, rule, severity, owasp, subject_type, subject_id)
       SELECT gen_random_uuid(), 'bulk-' || n, (ARRAY['low','high','critical'])[1 + n % 3], 'NHI' || (1 + n % 4), 'identity', $1::uuid
       FROM generate_series(1, 300) n`,
      [subject],
    );
    expect(await counted()).toEqual(await live());
    await prismaQuery(`UPDATE findings SET status = 'accepted' WHERE rule LIKE 'bulk-%' AND severity = 'high'`, []);
    await prismaQuery(`UPDATE findings SET severity = 'medium' WHERE rule LIKE 'bulk-%' AND severity = 'low' AND owasp = 'NHI1'`, []);
    expect(await counted()).toEqual(await live());
    await prismaQuery(`UPDATE findings SET status = 'open' WHERE rule LIKE 'bulk-%' AND status = 'accepted' AND owasp = 'NHI2'`, []);
    await prismaQuery(`DELETE FROM findings WHERE rule LIKE 'bulk-%' AND severity = 'critical'`, []);
    expect(await counted()).toEqual(await live());
    // The dashboard reads the counters: a triage shows on the next read, without a rollup refresh.
    const before = (await rollup.readDashboard(caller("analyst"))).summary.openFindings;
    await prismaQuery(`UPDATE findings SET status = 'accepted' WHERE rule LIKE 'bulk-%' AND severity = 'medium'`, []);
    const after = (await rollup.readDashboard(caller("analyst"))).summary.openFindings;
    const medium = (list: { severity: string; count: number }[]) => list.find((f) => f.severity === "medium")?.count ?? 0;
    expect(medium(after)).toBeLessThan(medium(before));
    expect(after).toEqual((await live()).reduce<{ severity: string; count: number }[]>((acc, r) => {
      const hit = acc.find((a) => a.severity === r.severity);
      if (hit) hit.count += Number(r.n);
      else acc.push({ severity: r.severity, count: Number(r.n) });
      return acc;
    }, []).sort((a, b) => a.severity.localeCompare(b.severity)));
    await prismaQuery(`TRUNCATE findings CASCADE`, []);
    expect(await counted()).toEqual([]);
  });
});
