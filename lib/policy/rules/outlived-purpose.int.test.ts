import { beforeAll, describe, expect, it } from "vitest";
import { daysAfter, daysBefore, useRuleFixture } from "@/lib/policy/testing/rule-fixture";

const asOf = new Date("2025-06-01T00:00:00Z");
const t = useRuleFixture();

describe("outlived-purpose", () => {
  beforeAll(async () => {
    const { fx } = t;
    const identity = async (name: string, endDate: Date | null, credentialStatus: string | null) => {
      const id = await fx.identity({ name, end_date: endDate, purpose: "Q1 migration" });
      if (credentialStatus) await fx.credential({ name: `${name}-key`, identity_id: id, status: credentialStatus });
    };
    await identity("ended-yesterday-with-active-key", daysBefore(asOf, 1), "active");
    await identity("ends-exactly-now", asOf, "active");
    await identity("ended-with-only-inactive-key", daysBefore(asOf, 1), "inactive");
    await identity("ended-without-credentials", daysBefore(asOf, 1), null);
    await identity("ends-next-month", daysAfter(asOf, 30), "active");
    await identity("no-end-date", null, "active");
  });

  it("fires on identities past their end date that still hold active credentials, and on no near miss", async () => {
    expect(await t.fx.fired("outlived-purpose", asOf)).toEqual(["identity:ended-yesterday-with-active-key"]);
    expect(await t.fx.evidenceOf("outlived-purpose", asOf, "ended-yesterday-with-active-key")).toMatchObject({
      endDate: daysBefore(asOf, 1).toISOString(),
      purpose: "Q1 migration",
      activeCredentials: 1,
    });
  });
});
