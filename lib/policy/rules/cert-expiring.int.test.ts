import { beforeAll, describe, expect, it } from "vitest";
import { daysAfter, useRuleFixture } from "@/lib/policy/testing/rule-fixture";

const asOf = new Date("2025-06-01T00:00:00Z");
const t = useRuleFixture();

describe("cert-expiring", () => {
  beforeAll(async () => {
    const { fx } = t;
    const cert = (name: string, expires: Date, extra = {}) => fx.credential({ name, type: "certificate", expires_at: expires, ...extra });
    await cert("expires-exactly-now", asOf);
    await cert("expires-in-10-days", daysAfter(asOf, 10));
    await cert("expires-in-exactly-30-days", daysAfter(asOf, 30));
    await cert("expires-in-30-days-and-a-millisecond", new Date(daysAfter(asOf, 30).getTime() + 1));
    await cert("expired-a-millisecond-ago", new Date(asOf.getTime() - 1));
    await cert("revoked-expiring", daysAfter(asOf, 10), { status: "revoked" });
    await cert("dev-expires-in-50-days", daysAfter(asOf, 50), { environment: "dev" });
    await fx.credential({ name: "token-expiring", type: "token", expires_at: daysAfter(asOf, 10) });
    // Non-production warns 60 days ahead here.
    await fx.client.query("INSERT INTO policy_thresholds (rule, key, environment, value, updated_by) VALUES ('cert-expiring', 'warningDays', 'non-prod', 60, 'test')");
  });

  it("fires on certificates expiring within the window (both ends included), and on no near miss", async () => {
    expect(await t.fx.fired("cert-expiring", asOf)).toEqual([
      "credential:dev-expires-in-50-days",
      "credential:expires-exactly-now",
      "credential:expires-in-10-days",
      "credential:expires-in-exactly-30-days",
    ]);
    expect(await t.fx.evidenceOf("cert-expiring", asOf, "dev-expires-in-50-days")).toMatchObject({ warningDays: 60 });
  });
});
