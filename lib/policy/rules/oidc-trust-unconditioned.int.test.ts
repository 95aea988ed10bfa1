import { beforeAll, describe, expect, it } from "vitest";
import { daysBefore, useRuleFixture } from "@/lib/policy/testing/rule-fixture";

const asOf = new Date("2025-06-01T00:00:00Z");
const GITHUB = "token.actions.githubusercontent.com";
const aud = { key: `${GITHUB}:aud`, values: ["sts.amazonaws.com"] };
const sub = (value: string) => ({ key: `${GITHUB}:sub`, values: [value] });
const t = useRuleFixture();

describe("oidc-trust-unconditioned", () => {
  beforeAll(async () => {
    const { fx } = t;
    const provider = await fx.identity({ name: "github-oidc-provider", type: "other" });
    const trust = async (role: string, attributes: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      fx.edge("can_assume", provider, await fx.identity({ name: role, type: "iam_role" }), { attributes: { provider: GITHUB, ...attributes }, ...extra });
    await trust("sub-constrained", { principalType: "oidc", conditions: [aud, sub("repo:acme/api:ref:refs/heads/main")] });
    await trust("audience-only", { principalType: "oidc", conditions: [aud] });
    await trust("wildcard-subject", { principalType: "oidc", conditions: [aud, sub("*")] });
    await trust("no-conditions", { principalType: "oidc" });
    await trust("azure-subject", { principalType: "oidc", conditions: [{ key: "subject", values: ["repo:acme/api:environment:prod"] }] });
    await trust("account-principal", { principalType: "account", accountId: "111111111111" });
    await trust("unconditioned-but-edge-gone", { principalType: "oidc" }, { gone_since: daysBefore(asOf, 1) });
    const mixed = await fx.identity({ name: "one-good-one-bad", type: "iam_role" });
    await fx.edge("can_assume", provider, mixed, { attributes: { principalType: "oidc", conditions: [aud, sub("repo:acme/api:*")] } });
    const gitlab = await fx.identity({ name: "gitlab-oidc-provider", type: "other" });
    await fx.edge("can_assume", gitlab, mixed, { attributes: { principalType: "oidc", provider: "gitlab.com", conditions: [{ key: "gitlab.com:aud", values: ["x"] }] } });
  });

  it("fires on roles trusting an OIDC provider without a subject condition, and on no near miss", async () => {
    expect(await t.fx.fired("oidc-trust-unconditioned", asOf)).toEqual([
      "identity:audience-only",
      "identity:no-conditions",
      "identity:one-good-one-bad",
      "identity:wildcard-subject",
    ]);
    expect(await t.fx.evidenceOf("oidc-trust-unconditioned", asOf, "one-good-one-bad")).toMatchObject({
      count: 1,
      trusts: [{ provider: "gitlab.com", conditionKeys: ["gitlab.com:aud"] }],
    });
  });
});
