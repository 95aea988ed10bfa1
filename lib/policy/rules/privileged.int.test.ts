import { beforeAll, describe, expect, it } from "vitest";
import { daysBefore, useRuleFixture } from "@/lib/policy/testing/rule-fixture";

const asOf = new Date("2025-06-01T00:00:00Z");
const t = useRuleFixture();

describe("privileged", () => {
  beforeAll(async () => {
    const { fx } = t;
    const account = await fx.resource({ name: "prod-account" });
    const grant = async (name: string, edge: Record<string, unknown>, identity: Record<string, unknown> = {}) =>
      fx.edge("has_permission", await fx.identity({ name, ...identity }), account, edge);
    await grant("admin-level", { level: "admin" });
    await grant("write-level", { level: "write" });
    await grant("wildcard-actions", { level: "write", attributes: { wildcard: true } });
    await grant("cluster-admin-binding", { level: "read", attributes: { role: "cluster-admin" } });
    await grant("gcp-owner", { attributes: { role: "roles/owner" } });
    await grant("viewer-role", { level: "read", attributes: { role: "roles/viewer" } });
    await grant("admin-grant-gone", { level: "admin", gone_since: daysBefore(asOf, 1) });
    await grant("gone-identity-with-admin", { level: "admin" }, { gone_since: daysBefore(asOf, 1) });
    await fx.identity({ name: "database-superuser", type: "database_role", attributes: { superuser: true } });
    await fx.identity({ name: "database-login-role", type: "database_role", attributes: { superuser: false } });
    const pat = await fx.credential({ name: "admin-scoped-pat", type: "pat" });
    await fx.edge("has_permission", pat, account, { level: "admin" });
    const revokedPat = await fx.credential({ name: "revoked-admin-pat", type: "pat", status: "revoked" });
    await fx.edge("has_permission", revokedPat, account, { level: "admin" });
  });

  it("fires on admin, owner, wildcard and cluster-admin grants and superusers, and on no near miss", async () => {
    expect(await t.fx.fired("privileged", asOf)).toEqual([
      "credential:admin-scoped-pat",
      "identity:admin-level",
      "identity:cluster-admin-binding",
      "identity:database-superuser",
      "identity:gcp-owner",
      "identity:wildcard-actions",
    ]);
    expect(await t.fx.evidenceOf("privileged", asOf, "cluster-admin-binding")).toMatchObject({
      count: 1,
      reasons: [{ level: "read", role: "cluster-admin", wildcard: null }],
    });
    expect(await t.fx.evidenceOf("privileged", asOf, "database-superuser")).toEqual({ count: 1, reasons: [{ attribute: "superuser" }] });
  });
});
