import { beforeAll, describe, expect, it } from "vitest";
import { daysBefore, useRuleFixture } from "@/lib/policy/testing/rule-fixture";

const asOf = new Date("2025-06-01T00:00:00Z");
const ago = (days: number) => daysBefore(asOf, days);
const t = useRuleFixture();

describe("never-used", () => {
  beforeAll(async () => {
    const { fx } = t;
    await fx.credential({ name: "key-29-days-old", created_at_source: ago(29) });
    await fx.credential({ name: "key-30-days-old", created_at_source: ago(30) });
    await fx.credential({ name: "key-31-days-old", created_at_source: ago(31) });
    await fx.credential({ name: "used-key", created_at_source: ago(100), last_used_at: ago(5) });
    await fx.credential({ name: "ci-variable-no-usage-data", type: "ci_variable", created_at_source: ago(100) });
    await fx.credential({ name: "usage-not-tracked", created_at_source: ago(100), attributes: { usageTracked: false } });
    await fx.credential({ name: "google-held", created_at_source: ago(100), attributes: { keyType: "SYSTEM_MANAGED" } });
    await fx.credential({ name: "inactive-key", status: "inactive", created_at_source: ago(100) });
    await fx.credential({ name: "no-creation-date-seen-40-days-ago", type: "pat", first_seen_at: ago(40) });
    await fx.credential({ name: "no-creation-date-seen-10-days-ago", type: "pat", first_seen_at: ago(10) });
  });

  it("fires on usage-tracked credentials unused 30 days after creation, and on no near miss", async () => {
    expect(await t.fx.fired("never-used", asOf)).toEqual(["credential:key-31-days-old", "credential:no-creation-date-seen-40-days-ago"]);
    expect(await t.fx.evidenceOf("never-used", asOf, "no-creation-date-seen-40-days-ago")).toMatchObject({
      basis: "firstSeenAt",
      createdAt: ago(40).toISOString(),
      graceDays: 30,
    });
  });
});
