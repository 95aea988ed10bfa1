import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/session-context";
import type { InventorySummaryReport } from "@/lib/inventory/pdf/inventory-summary-types";
import { seedSummaryFixture, type SummaryFixture } from "@/lib/inventory/pdf/testing/summary-fixture";
import { FIXTURE_GAP } from "@/lib/reports/testing/report-fixture";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

/* The summary's figures over a known history, now and as of an earlier instant, and who may read it. */
let t: TestDatabase;
let client: pg.Client;
let fx: SummaryFixture;
let build: typeof import("@/lib/inventory/pdf/build-inventory-summary").buildInventorySummary;
const caller = (role: Caller["role"]): Caller => ({ type: "user", userId: null, email: `${role}@example.com`, name: null, role, sessionId: null });
const severities = (s: InventorySummaryReport) => Object.fromEntries(s.openFindings.bySeverity.map((f) => [f.severity, f.count]));

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  client = new pg.Client({ connectionString: t.url });
  await client.connect();
  fx = await seedSummaryFixture(client, caller("analyst"));
  ({ buildInventorySummary: build } = await import("@/lib/inventory/pdf/build-inventory-summary"));
});

afterAll(async () => {
  await client?.end();
  await t?.drop();
});

describe("buildInventorySummary", () => {
  it("counts what is present now, with shares, expiry, ages and open findings", async () => {
    const s = await build(caller("auditor"));
    expect(s.totals).toEqual({ identities: 3, credentials: 6, resources: 0, sources: 2 });
    expect(s.owned).toEqual({ part: 1, whole: 3, percent: 33.3 });
    // key-a and key-e are overdue (open), key-c's overdue finding is accepted: still outside the policy.
    expect(s.withinRotationPolicy).toEqual({ part: 3, whole: 6, percent: 50 });
    expect(s.expiringIn30Days).toBe(1);
    expect(s.openFindings.total).toBe(3);
    expect(severities(s)).toEqual({ critical: 0, high: 1, medium: 2, low: 0, info: 0 });
    expect(Object.fromEntries(s.ageHistogram.map((b) => [b.bucket, b.credentials]))).toEqual({
      "< 30 d": 2, "30–90 d": 0, "90–180 d": 1, "180–365 d": 0, "> 1 y": 3, unknown: 0,
    });
    expect(s.identitiesByType).toEqual([{ label: "service_account", count: 2 }, { label: "iam_role", count: 1 }]);
    expect(s.credentialsByType).toEqual([{ label: "access_key", count: 5 }, { label: "certificate", count: 1 }]);
    expect(s.byEnvironment).toEqual([
      { environment: "dev", identities: 1, credentials: 0 },
      { environment: "prod", identities: 1, credentials: 6 },
      { environment: "unset", identities: 1, credentials: 0 },
    ]);
  });

  it("lists the top risks of present identities only, with their drivers", async () => {
    const s = await build(caller("analyst"));
    expect(s.topRisks.map((r) => [r.name, r.score, r.band])).toEqual([
      ["svc-owned", 72.5, expect.any(String)],
      ["svc-free", 31, expect.any(String)],
    ]);
    expect(s.topRisks[0]!.drivers).toHaveLength(1);
    expect(s.risksComputedAt).not.toBeNull();
  });

  it("shows each source's last finished sync and its gaps", async () => {
    const s = await build(caller("admin"));
    const bySource = Object.fromEntries(s.sources.map((source) => [source.name, source]));
    expect(bySource["aws-prod"]).toMatchObject({ provider: "aws", identities: 3, credentials: 6, lastSync: { status: "partial", mode: "live" }, gaps: [FIXTURE_GAP] });
    expect(bySource["people-directory"]).toMatchObject({ lastSync: null, gaps: [] });
    expect(s.sourcesWithGaps).toBe(2);
  });

  it("answers as of an earlier instant: what was present and open then", async () => {
    const asOf = new Date(fx.t0.getTime() + 60_000);
    const s = await build(caller("auditor"), { asOf });
    expect(s.asOf).toBe(asOf.toISOString());
    // key-e and key-exp were not seen yet; svc-gone was still present; the acceptance came later.
    expect(s.totals).toMatchObject({ identities: 4, credentials: 4 });
    expect(s.openFindings.total).toBe(4);
    expect(severities(s)).toMatchObject({ high: 1, medium: 3 });
    expect(s.withinRotationPolicy).toEqual({ part: 1, whole: 4, percent: 25 });
    expect(s.topRisks[0]).toMatchObject({ name: "svc-gone", score: 99 });
    // The partial run finished after T0: no finished sync by then.
    expect(s.sources.every((source) => source.lastSync === null)).toBe(true);
  });

  it("refuses a role without reports:export and an instant in the future", async () => {
    await expect(build(caller("owner"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(build(caller("analyst"), { asOf: new Date(Date.now() + 86_400_000) })).rejects.toMatchObject({ code: "INVALID_INPUT", field: "asOf" });
  });
});
