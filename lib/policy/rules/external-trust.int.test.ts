import { beforeAll, describe, expect, it } from "vitest";
import { useRuleFixture } from "@/lib/policy/testing/rule-fixture";

const asOf = new Date("2025-06-01T00:00:00Z");
const OWN = "123456789012";
const t = useRuleFixture();

describe("external-trust", () => {
  beforeAll(async () => {
    const { fx } = t;
    const trust = async (role: string, attributes: Record<string, unknown>, roleAccount: string | null = OWN) => {
      const roleId = await fx.identity({ name: role, type: "iam_role", attributes: roleAccount ? { accountId: roleAccount } : {} });
      return fx.edge("can_assume", roleId, null, { from_id: null, to_id: roleId, from_external_type: "aws.principal", from_external_id: String(attributes.principal ?? "x"), attributes });
    };
    await trust("vendor-account", { principalType: "account", accountId: "999999999999", external: true, principal: "arn:aws:iam::999999999999:root" });
    await trust("other-account-by-id", { principalType: "role", accountId: "222222222222", principal: "arn:aws:iam::222222222222:role/ci" });
    await trust("same-account", { principalType: "role", accountId: OWN, principal: `arn:aws:iam::${OWN}:role/app` });
    await trust("aws-service", { principalType: "service", external: true, principal: "lambda.amazonaws.com" });
    await trust("first-party-app", { principalType: "application", external: true, firstParty: true, principal: "Microsoft Graph" });
    await trust("oidc-provider", { principalType: "oidc", external: true, principal: "token.actions.githubusercontent.com" });
    await trust("role-account-unknown", { principalType: "role", accountId: "333333333333" }, null);
  });

  it("fires on roles another account or a third party can assume, and on no near miss", async () => {
    expect(await t.fx.fired("external-trust", asOf)).toEqual(["identity:other-account-by-id", "identity:vendor-account"]);
    expect(await t.fx.evidenceOf("external-trust", asOf, "vendor-account")).toMatchObject({
      count: 1,
      principals: [{ principal: "aws.principal:arn:aws:iam::999999999999:root", principalType: "account", accountId: "999999999999", external: true }],
    });
  });
});
