import { beforeAll, describe, expect, it } from "vitest";
import { daysBefore, useRuleFixture } from "@/lib/policy/testing/rule-fixture";

const asOf = new Date("2025-06-01T00:00:00Z");
const t = useRuleFixture();

describe("multiple-active-keys", () => {
  beforeAll(async () => {
    const { fx } = t;
    const withKeys = async (name: string, keys: Array<Record<string, unknown>>) => {
      const identity = await fx.identity({ name });
      for (const [i, key] of keys.entries()) await fx.credential({ name: `${name}-key-${i}`, identity_id: identity, ...key });
    };
    await withKeys("two-active-access-keys", [{}, {}]);
    await withKeys("one-active-one-inactive", [{}, { status: "inactive" }]);
    await withKeys("two-client-secrets", [{ type: "client_secret" }, { type: "client_secret" }]);
    await withKeys("two-different-kinds", [{ type: "access_key" }, { type: "client_secret" }]);
    await withKeys("gcp-google-held-and-one-user-key", [
      { type: "private_key", attributes: { keyType: "SYSTEM_MANAGED" } },
      { type: "private_key", attributes: { keyType: "SYSTEM_MANAGED" } },
      { type: "private_key", attributes: { keyType: "USER_MANAGED" } },
    ]);
    await withKeys("second-key-gone", [{}, { gone_since: daysBefore(asOf, 1) }]);
    await withKeys("two-passwords", [{ type: "password" }, { type: "password" }]);
  });

  it("fires on identities with two active keys of one kind, and on no near miss", async () => {
    expect(await t.fx.fired("multiple-active-keys", asOf)).toEqual(["identity:two-active-access-keys", "identity:two-client-secrets"]);
    const evidence = (await t.fx.evidenceOf("multiple-active-keys", asOf, "two-client-secrets")) as { keys: Record<string, string[]> };
    expect(Object.keys(evidence.keys)).toEqual(["client_secret"]);
    expect(evidence.keys.client_secret).toHaveLength(2);
  });
});
