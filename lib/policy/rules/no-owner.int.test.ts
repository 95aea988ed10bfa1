import { beforeAll, describe, expect, it } from "vitest";
import { daysBefore, useRuleFixture } from "@/lib/policy/testing/rule-fixture";

const asOf = new Date("2025-06-01T00:00:00Z");
const t = useRuleFixture();

describe("no-owner", () => {
  beforeAll(async () => {
    const { fx } = t;
    const alice = await fx.person({ email: "alice@example.com" });
    await fx.identity({ name: "hinted-owner", owner_hint: { email: "alice@example.com", provenance: "aws.tag:owner" } });
    await fx.identity({ name: "team-only", owner_hint: { team: "payments", provenance: "aws.tag:team" } });
    await fx.identity({ name: "blank-email", owner_hint: { email: "  ", provenance: "aws.tag:owner" } });
    await fx.identity({ name: "no-hint" });
    const edged = await fx.identity({ name: "owned-by-edge" });
    await fx.edge("owned_by", edged, alice);
    const formerly = await fx.identity({ name: "owner-edge-gone" });
    await fx.edge("owned_by", formerly, alice, { gone_since: daysBefore(asOf, 1) });
    await fx.identity({ name: "gone-identity", gone_since: daysBefore(asOf, 1) });

    const holder = await fx.identity({ name: "holder", owner_hint: { email: "alice@example.com", provenance: "manual" } });
    await fx.credential({ name: "attached-credential", identity_id: holder });
    await fx.credential({ name: "unattached-credential", identity_ref: { externalType: "aws.iam_user", externalId: "ghost" } });
    const ownedCredential = await fx.credential({ name: "unattached-with-owner-edge" });
    await fx.edge("owned_by", ownedCredential, alice);
    await fx.credential({ name: "unattached-revoked", status: "revoked" });
  });

  it("fires on identities without an owner e-mail or owned-by edge and on ownerless unattached credentials", async () => {
    expect(await t.fx.fired("no-owner", asOf)).toEqual([
      "credential:unattached-credential",
      "identity:blank-email",
      "identity:no-hint",
      "identity:owner-edge-gone",
      "identity:team-only",
    ]);
    expect(await t.fx.evidenceOf("no-owner", asOf, "unattached-credential")).toEqual({
      identityRef: { externalType: "aws.iam_user", externalId: "ghost" },
    });
  });
});
