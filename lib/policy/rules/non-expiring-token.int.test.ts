import { beforeAll, describe, expect, it } from "vitest";
import { daysAfter, useRuleFixture } from "@/lib/policy/testing/rule-fixture";

const asOf = new Date("2025-06-01T00:00:00Z");
const t = useRuleFixture();

describe("non-expiring-token", () => {
  beforeAll(async () => {
    const { fx } = t;
    const token = (name: string, attributes: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      fx.credential({ name, type: "token", attributes, ...extra });
    await token("root-flag", { root: true });
    await token("root-policy", { policies: ["default", "root"], ttl: 0 });
    await token("ttl-zero-no-expiry", { policies: ["ci"], ttl: 0 });
    await token("ttl-zero-but-expiry-set", { ttl: 0 }, { expires_at: daysAfter(asOf, 1) });
    await token("normal-token", { policies: ["default"], ttl: 3600 }, { expires_at: daysAfter(asOf, 1) });
    await token("revoked-root", { root: true }, { status: "revoked" });
    await fx.credential({ name: "root-flag-on-a-password", type: "password", attributes: { root: true } });
    await fx.identity({ name: "approle-secret-ids-never-expire", type: "vault_approle", attributes: { secretIdTtl: 0 } });
    await fx.identity({ name: "approle-secret-ids-expire", type: "vault_approle", attributes: { secretIdTtl: 3600 } });
    await fx.identity({ name: "service-account-with-the-attribute", attributes: { secretIdTtl: 0 } });
  });

  it("fires on root and never-expiring tokens and on AppRoles with eternal secret ids, and on no near miss", async () => {
    expect(await t.fx.fired("non-expiring-token", asOf)).toEqual([
      "credential:root-flag",
      "credential:root-policy",
      "credential:ttl-zero-no-expiry",
      "identity:approle-secret-ids-never-expire",
    ]);
    expect(await t.fx.evidenceOf("non-expiring-token", asOf, "root-policy")).toEqual({ root: true, policies: ["default", "root"], ttl: 0, expiresAt: null });
  });
});
