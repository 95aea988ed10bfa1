import { beforeAll, describe, expect, it } from "vitest";
import { daysAfter, daysBefore, useRuleFixture } from "@/lib/policy/testing/rule-fixture";

const asOf = new Date("2025-06-01T00:00:00Z");
const ago = (days: number) => daysBefore(asOf, days);
const t = useRuleFixture();

describe("unused", () => {
  beforeAll(async () => {
    const { fx } = t;
    await fx.credential({ name: "used-89-days-ago", last_used_at: ago(89) });
    await fx.credential({ name: "used-90-days-ago", last_used_at: ago(90) });
    await fx.credential({ name: "used-91-days-ago", last_used_at: ago(91) });
    await fx.credential({ name: "never-used", created_at_source: ago(400) });
    await fx.credential({ name: "inactive-used-200-days-ago", status: "inactive", last_used_at: ago(200) });
    await fx.credential({ name: "google-held-used-200-days-ago", last_used_at: ago(200), attributes: { keyType: "SYSTEM_MANAGED" } });
    await fx.credential({ name: "used-after-as-of", last_used_at: daysAfter(asOf, 1) });

    await fx.identity({ name: "idle-identity", last_activity_at: ago(120) });
    const busy = await fx.identity({ name: "identity-with-busy-key", last_activity_at: ago(200) });
    await fx.credential({ name: "busy-key", identity_id: busy, last_used_at: ago(5) });
    const keyed = await fx.identity({ name: "identity-with-idle-key" });
    await fx.credential({ name: "idle-key", identity_id: keyed, last_used_at: ago(100) });
    await fx.identity({ name: "identity-without-activity-data" });
    await fx.identity({ name: "inactive-identity", status: "inactive", last_activity_at: ago(200) });
    await fx.identity({ name: "identity-active-89-days-ago", last_activity_at: ago(89) });
  });

  it("fires on credentials and identities idle longer than 90 days, and on no near miss", async () => {
    expect(await t.fx.fired("unused", asOf)).toEqual([
      "credential:idle-key",
      "credential:used-91-days-ago",
      "identity:identity-with-idle-key",
      "identity:idle-identity",
    ]);
    expect(await t.fx.evidenceOf("unused", asOf, "identity-with-idle-key")).toEqual({
      lastActivityAt: ago(100).toISOString(),
      environment: null,
      maxIdleDays: 90,
    });
  });
});
