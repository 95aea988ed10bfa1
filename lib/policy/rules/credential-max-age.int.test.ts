import { beforeAll, describe, expect, it } from "vitest";
import { daysAfter, daysBefore, useRuleFixture } from "@/lib/policy/testing/rule-fixture";

const asOf = new Date("2025-06-01T00:00:00Z");
const ago = (days: number) => daysBefore(asOf, days);
const t = useRuleFixture();

describe("credential-max-age", () => {
  beforeAll(async () => {
    const { fx } = t;
    const devIdentity = await fx.identity({ name: "dev-identity", environment: "dev" });
    await fx.credential({ name: "prod-89", environment: "prod", created_at_source: ago(89) });
    await fx.credential({ name: "prod-90", environment: "prod", created_at_source: ago(90) });
    await fx.credential({ name: "prod-90-and-a-millisecond", environment: "prod", created_at_source: new Date(ago(90).getTime() - 1) });
    await fx.credential({ name: "prod-91", environment: "prod", created_at_source: ago(91) });
    await fx.credential({ name: "rotated-recently", environment: "prod", created_at_source: ago(400), last_rotated_at: ago(10) });
    await fx.credential({ name: "rotated-long-ago", environment: "prod", created_at_source: ago(400), last_rotated_at: ago(100) });
    await fx.credential({ name: "dev-179", environment: "dev", created_at_source: ago(179) });
    await fx.credential({ name: "dev-181", environment: "dev", created_at_source: ago(181) });
    await fx.credential({ name: "dev-via-identity-100", identity_id: devIdentity, created_at_source: ago(100) });
    await fx.credential({ name: "unknown-environment-91", created_at_source: ago(91) });
    await fx.credential({ name: "qa-31", environment: "QA", created_at_source: ago(31) });
    await fx.credential({ name: "unknown-status-100", status: "unknown", environment: "prod", created_at_source: ago(100) });
    await fx.credential({ name: "inactive-200", status: "inactive", environment: "prod", created_at_source: ago(200) });
    await fx.credential({ name: "google-held-400", environment: "prod", created_at_source: ago(400), attributes: { keyType: "SYSTEM_MANAGED" } });
    await fx.credential({ name: "user-managed-400", environment: "prod", created_at_source: ago(400), attributes: { keyType: "USER_MANAGED" } });
    await fx.credential({ name: "certificate-400", type: "certificate", environment: "prod", created_at_source: ago(400) });
    await fx.credential({ name: "no-dates", environment: "prod" });
    await fx.credential({ name: "gone-before", environment: "prod", created_at_source: ago(400), gone_since: ago(1) });
    await fx.credential({ name: "gone-after", environment: "prod", created_at_source: ago(400), gone_since: daysAfter(asOf, 1) });
    await fx.credential({ name: "first-seen-after", environment: "prod", created_at_source: ago(400), first_seen_at: daysAfter(asOf, 1) });
    // Criticality from the credential's `criticality` tag, else its identity's.
    const criticalIdentity = await fx.identity({ name: "critical-identity", environment: "prod", tags: { criticality: "critical" } });
    await fx.credential({ name: "critical-19", environment: "prod", created_at_source: ago(19), tags: { criticality: "critical" } });
    await fx.credential({ name: "critical-21", environment: "prod", created_at_source: ago(21), tags: { criticality: "Critical" } });
    await fx.credential({ name: "critical-via-identity-21", identity_id: criticalIdentity, created_at_source: ago(21) });
    await fx.credential({ name: "high-89", environment: "prod", created_at_source: ago(89), tags: { criticality: "high" } });
    await fx.credential({ name: "qa-critical-25", environment: "qa", created_at_source: ago(25), tags: { criticality: "critical" } });
    // An admin's overrides: 30 days for the "qa" environment (its class default would be 180), and
    // 20 days for critical credentials — an exact environment still beats a criticality.
    await fx.client.query(`INSERT INTO policy_thresholds (rule, key, environment, value, updated_by) VALUES
      ('credential-max-age', 'maxAgeDays', 'qa', 30, 'test'), ('credential-max-age', 'maxAgeDays', 'criticality:critical', 20, 'test')`);
  });

  it("fires on credentials older than the limit for their environment, and on no near miss", async () => {
    expect(await t.fx.fired("credential-max-age", asOf)).toEqual([
      "credential:critical-21",
      "credential:critical-via-identity-21",
      "credential:dev-181",
      "credential:gone-after",
      "credential:prod-90-and-a-millisecond",
      "credential:prod-91",
      "credential:qa-31",
      "credential:rotated-long-ago",
      "credential:unknown-environment-91",
      "credential:unknown-status-100",
      "credential:user-managed-400",
    ]);
  });

  it("explains itself with dates and the threshold, not an age that changes daily", async () => {
    expect(await t.fx.evidenceOf("credential-max-age", asOf, "rotated-long-ago")).toEqual({
      since: ago(100).toISOString(),
      basis: "lastRotatedAt",
      environment: "prod",
      maxAgeDays: 90,
    });
    expect(await t.fx.evidenceOf("credential-max-age", asOf, "qa-31")).toMatchObject({ basis: "createdAt", maxAgeDays: 30 });
  });

  it("is computed as of the instant asked: a day earlier the 91-day credential was 90 days old", async () => {
    expect(await t.fx.fired("credential-max-age", daysBefore(asOf, 1))).not.toContain("credential:prod-91");
  });
});
