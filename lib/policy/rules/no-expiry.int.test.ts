import { beforeAll, describe, expect, it } from "vitest";
import { daysAfter, daysBefore, useRuleFixture } from "@/lib/policy/testing/rule-fixture";

const asOf = new Date("2025-06-01T00:00:00Z");
const ahead = (days: number) => daysAfter(asOf, days);
const t = useRuleFixture();

describe("no-expiry", () => {
  beforeAll(async () => {
    const { fx } = t;
    await fx.credential({ name: "pat-never-expires", type: "pat" });
    await fx.credential({ name: "token-365-days", type: "token", expires_at: ahead(365) });
    await fx.credential({ name: "token-365-days-and-a-millisecond", type: "token", expires_at: new Date(ahead(365).getTime() + 1) });
    await fx.credential({ name: "client-secret-30-days", type: "client_secret", expires_at: ahead(30) });
    await fx.credential({ name: "certificate-5-years", type: "certificate", expires_at: ahead(5 * 365) });
    await fx.credential({ name: "api-key-never-expires", type: "api_key" });
    await fx.credential({ name: "access-key-cannot-expire", type: "access_key" });
    await fx.credential({ name: "deploy-key-cannot-expire", type: "deploy_key" });
    await fx.credential({ name: "inactive-pat", type: "pat", status: "inactive" });
    await fx.credential({ name: "google-held-api-key", type: "api_key", attributes: { keyType: "SYSTEM_MANAGED" } });
    await fx.credential({ name: "expired-token", type: "token", expires_at: daysBefore(asOf, 1) });
    await fx.credential({ name: "gone-pat", type: "pat", gone_since: daysBefore(asOf, 1) });
  });

  it("fires on expiring kinds with no expiry or one beyond a year, and on no near miss", async () => {
    expect(await t.fx.fired("no-expiry", asOf)).toEqual([
      "credential:api-key-never-expires",
      "credential:certificate-5-years",
      "credential:pat-never-expires",
      "credential:token-365-days-and-a-millisecond",
    ]);
    expect(await t.fx.evidenceOf("no-expiry", asOf, "pat-never-expires")).toEqual({
      expiresAt: null,
      type: "pat",
      environment: null,
      maxValidityDays: 365,
    });
  });
});
