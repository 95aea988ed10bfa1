import { beforeAll, describe, expect, it } from "vitest";
import { daysAfter, daysBefore, useRuleFixture } from "@/lib/policy/testing/rule-fixture";

const asOf = new Date("2025-06-01T00:00:00Z");
const t = useRuleFixture();

describe("cert-expired", () => {
  beforeAll(async () => {
    const { fx } = t;
    const cert = (name: string, expires: Date | null, extra = {}) => fx.credential({ name, type: "certificate", expires_at: expires, ...extra });
    await cert("expired-yesterday", daysBefore(asOf, 1), { thumbprint: "ab12" });
    await cert("expired-a-millisecond-ago", new Date(asOf.getTime() - 1));
    await cert("expires-exactly-now", asOf);
    await cert("expires-tomorrow", daysAfter(asOf, 1));
    await cert("expired-and-marked-expired", daysBefore(asOf, 10), { status: "expired" });
    await cert("expired-but-revoked", daysBefore(asOf, 10), { status: "revoked" });
    await cert("no-expiry-known", null);
    await cert("expired-and-gone", daysBefore(asOf, 10), { gone_since: daysBefore(asOf, 5) });
    await fx.credential({ name: "expired-token-not-a-certificate", type: "token", expires_at: daysBefore(asOf, 1) });
  });

  it("fires on certificates past notAfter (validity includes notAfter), and on no near miss", async () => {
    expect(await t.fx.fired("cert-expired", asOf)).toEqual([
      "credential:expired-a-millisecond-ago",
      "credential:expired-and-marked-expired",
      "credential:expired-yesterday",
    ]);
    expect(await t.fx.evidenceOf("cert-expired", asOf, "expired-yesterday")).toEqual({
      expiresAt: daysBefore(asOf, 1).toISOString(),
      thumbprint: "ab12",
    });
  });
});
