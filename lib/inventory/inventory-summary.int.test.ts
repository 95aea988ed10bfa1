import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";
import type { Caller } from "@/lib/auth/session-context";

let t: TestDatabase;
let summarise: typeof import("@/lib/inventory/inventory-summary").summariseInventory;
const NOW = new Date("2026-06-01T00:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
const caller = (role: Caller["role"], email = `${role}@example.com`): Caller => ({ type: "user", userId: null, email, name: null, role, sessionId: null });

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  summarise = (await import("@/lib/inventory/inventory-summary")).summariseInventory;
  const aws = await t.db.source.create({ data: { provider: "aws", name: "aws-prod" } });
  const gh = await t.db.source.create({ data: { provider: "github", name: "gh" } });
  const base = { scope: "s", contentHash: "h", lastSeenGeneration: BigInt(1) };
  const owned = await t.db.identity.create({ data: { ...base, sourceId: aws.id, externalType: "aws.iam_user", externalId: "u1", name: "deployer", type: "iam_user", ownerHint: { email: "ana@example.com", provenance: "tag" } } });
  const orphan = await t.db.identity.create({ data: { ...base, sourceId: aws.id, externalType: "aws.iam_user", externalId: "u2", name: "legacy", type: "iam_user" } });
  await t.db.identity.create({ data: { ...base, sourceId: gh.id, externalType: "gh.app", externalId: "a1", name: "gone-app", type: "other", goneSince: daysAgo(1) } });
  const cred = (identityId: string, externalId: string, extra: Record<string, unknown>) =>
    t.db.credential.create({ data: { ...base, sourceId: aws.id, externalType: "aws.access_key", externalId, name: externalId, type: "access_key", status: "active", identityId, ...extra } });
  await cred(owned.id, "k1", { createdAtSource: daysAgo(10), expiresAt: new Date(NOW.getTime() + 5 * 86_400_000) });
  await cred(owned.id, "k2", { createdAtSource: daysAgo(400) });
  await cred(orphan.id, "k3", { createdAtSource: daysAgo(120), lastRotatedAt: daysAgo(45) });
  await cred(orphan.id, "k4", { createdAtSource: daysAgo(100), goneSince: daysAgo(2) });
  await t.db.finding.create({ data: { rule: "no-owner", severity: "high", owasp: "NHI1", subjectType: "identity", subjectId: orphan.id } });
});
afterAll(async () => {
  const { getDb } = await import("@/lib/db");
  await getDb().$disconnect();
  await t.drop();
});

describe("summariseInventory", () => {
  it("counts present records only, with ownership, expiry, age buckets and open findings", async () => {
    const s = await summarise(caller("analyst"), NOW);
    expect(s).toMatchObject({ identities: 2, credentials: 3, ownedIdentities: 1, expiringIn30Days: 1, olderThan90Days: 1 });
    expect(s.bySource).toEqual([
      { provider: "aws", identities: 2, credentials: 3 },
      { provider: "github", identities: 0, credentials: 0 },
    ]);
    expect(Object.fromEntries(s.rotationAge.map((b) => [b.bucket, b.credentials]))).toEqual({
      "< 30 d": 1, "30–90 d": 1, "90–180 d": 0, "180–365 d": 0, "> 1 y": 1, unknown: 0,
    });
    expect(s.openFindings).toEqual([{ severity: "high", count: 1 }]);
  });

  it("narrows an owner to the identities they own", async () => {
    const s = await summarise(caller("owner", "ana@example.com"), NOW);
    expect(s).toMatchObject({ identities: 1, credentials: 2, ownedIdentities: 1, openFindings: [] });
    const stranger = await summarise(caller("owner", "bob@example.com"), NOW);
    expect(stranger).toMatchObject({ identities: 0, credentials: 0 });
  });
});
