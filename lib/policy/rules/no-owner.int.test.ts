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
    // Resolution levels: a suggestion alone leaves it unowned; a catalog owner or an assignment owns it.
    await fx.identity({ name: "suggested-only", owner_hint: { email: "carl@example.com", provenance: "git.committer" } });
    await fx.identity({ name: "catalog-owned", owner_hint: { email: "carl@example.com", provenance: "catalog:catalog-info.yaml" } });
    const assigned = await fx.identity({ name: "assigned-only" });
    await fx.client.query("INSERT INTO owner_assignments (identity_id, owner_email, assigned_by) VALUES ($1, 'dee@example.com', 'ana@example.com')", [assigned]);
    // An edge names an owner only when it ends at a person (or a ("person", e-mail) not in the directory yet).
    const byApp = await fx.identity({ name: "owned-by-another-identity" });
    await fx.edge("owned_by", byApp, await fx.identity({ name: "owning-app", owner_hint: { email: "alice@example.com", provenance: "manual" } }));
    const pending = await fx.identity({ name: "owned-by-person-not-in-directory" });
    await fx.edge("owned_by", pending, null, { to_external_type: "person", to_external_id: "newcomer@example.com" });

    const holder = await fx.identity({ name: "holder", owner_hint: { email: "alice@example.com", provenance: "manual" } });
    await fx.credential({ name: "attached-credential", identity_id: holder });
    await fx.credential({ name: "unattached-credential", identity_ref: { externalType: "aws.iam_user", externalId: "ghost" } });
    const ownedCredential = await fx.credential({ name: "unattached-with-owner-edge" });
    await fx.edge("owned_by", ownedCredential, alice);
    // A secret leaked in code whose only owner is its committer (a suggestion) or its CODEOWNERS entry.
    const committed = await fx.credential({ name: "leaked-committer-only" });
    await fx.edge("owned_by", committed, alice, { attributes: { provenance: "code.committer" } });
    const codeowned = await fx.credential({ name: "leaked-with-codeowners" });
    await fx.edge("owned_by", codeowned, alice, { attributes: { provenance: "code.codeowners:.github/CODEOWNERS" } });
    await fx.credential({ name: "unattached-revoked", status: "revoked" });
  });

  it("fires on identities whose resolved owner is missing or only suggested, and on ownerless unattached credentials", async () => {
    expect(await t.fx.fired("no-owner", asOf)).toEqual([
      "credential:leaked-committer-only",
      "credential:unattached-credential",
      "identity:blank-email",
      "identity:no-hint",
      "identity:owned-by-another-identity",
      "identity:owner-edge-gone",
      "identity:suggested-only",
      "identity:team-only",
    ]);
    expect(await t.fx.evidenceOf("no-owner", asOf, "suggested-only")).toEqual({
      ownerHint: { email: "carl@example.com", provenance: "git.committer" },
      suggestedOwner: { email: "carl@example.com", provenance: "git.committer" },
    });
    expect(await t.fx.evidenceOf("no-owner", asOf, "unattached-credential")).toEqual({
      identityRef: { externalType: "aws.iam_user", externalId: "ghost" },
    });
  });
});
