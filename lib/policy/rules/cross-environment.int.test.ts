import { beforeAll, describe, expect, it } from "vitest";
import { daysBefore, useRuleFixture } from "@/lib/policy/testing/rule-fixture";

const asOf = new Date("2025-06-01T00:00:00Z");
const fp = (c: string) => `hmac-sha256:${c.repeat(64)}`;
const t = useRuleFixture();

describe("cross-environment", () => {
  beforeAll(async () => {
    const { fx } = t;
    await fx.credential({ name: "x-prod", fingerprint: fp("1"), environment: "prod", first_seen_at: new Date("2016-01-01Z") });
    await fx.credential({ name: "x-dev", fingerprint: fp("1"), environment: "dev", first_seen_at: new Date("2017-01-01Z") });
    await fx.credential({ name: "y-prod", fingerprint: fp("2"), environment: "prod" });
    await fx.credential({ name: "y-prod-uppercase", fingerprint: fp("2"), environment: " PROD " });
    await fx.credential({ name: "z-prod", fingerprint: fp("3"), environment: "prod" });
    await fx.credential({ name: "z-no-environment", fingerprint: fp("3") });
    const devIdentity = await fx.identity({ name: "dev-holder", environment: "dev" });
    await fx.credential({ name: "w-via-dev-identity", fingerprint: fp("4"), identity_id: devIdentity, first_seen_at: new Date("2016-01-01Z") });
    await fx.credential({ name: "w-prod", fingerprint: fp("4"), environment: "prod", first_seen_at: new Date("2018-01-01Z") });

    const prodWithDevKey = await fx.identity({ name: "prod-identity-with-dev-key", environment: "prod" });
    await fx.credential({ name: "dev-key", identity_id: prodWithDevKey, environment: "dev" });
    const prodWithProdKey = await fx.identity({ name: "prod-identity-with-prod-key", environment: "prod" });
    await fx.credential({ name: "prod-key", identity_id: prodWithProdKey, environment: "prod" });
    const devBucket = await fx.resource({ name: "dev-bucket", type: "other", environment: "dev" });
    const reachesDev = await fx.identity({ name: "prod-identity-reaching-dev", environment: "prod" });
    await fx.edge("has_permission", reachesDev, devBucket, { level: "read" });
    const formerlyReachedDev = await fx.identity({ name: "prod-identity-formerly-reaching-dev", environment: "prod" });
    await fx.edge("has_permission", formerlyReachedDev, devBucket, { level: "read", gone_since: daysBefore(asOf, 1) });
    const unlabelled = await fx.identity({ name: "unlabelled-identity" });
    await fx.credential({ name: "unlabelled-identity-key", identity_id: unlabelled, environment: "prod" });
  });

  it("fires on secrets and identities seen in more than one environment, and on no near miss", async () => {
    expect(await t.fx.fired("cross-environment", asOf)).toEqual([
      "credential:w-via-dev-identity",
      "credential:x-prod",
      "identity:prod-identity-reaching-dev",
      "identity:prod-identity-with-dev-key",
    ]);
    expect(await t.fx.evidenceOf("cross-environment", asOf, "prod-identity-reaching-dev")).toEqual({
      environments: [
        { environment: "dev", via: ["permission"] },
        { environment: "prod", via: ["identity"] },
      ],
    });
    expect(await t.fx.evidenceOf("cross-environment", asOf, "x-prod")).toMatchObject({ environments: ["dev", "prod"] });
  });
});
