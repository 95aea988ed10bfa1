import { beforeAll, describe, expect, it } from "vitest";
import { useRuleFixture } from "@/lib/policy/testing/rule-fixture";

const asOf = new Date("2025-06-01T00:00:00Z");
const t = useRuleFixture();

describe("secret-in-plain-config", () => {
  beforeAll(async () => {
    const { fx } = t;
    const ci = (name: string, attributes: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      fx.credential({ name, type: "ci_variable", attributes, ...extra });
    await ci("gitlab-unmasked", { masked: false, protected: true });
    await ci("gitlab-unprotected", { masked: true, protected: false });
    await ci("gitlab-masked-and-protected", { masked: true, protected: true });
    await ci("github-actions-secret", { visibility: "private" });
    await ci("revoked-unmasked", { masked: false }, { status: "revoked" });
    await fx.credential({ name: "k8s-opaque", type: "stored_secret", attributes: { secretType: "Opaque" } });
    await fx.credential({ name: "k8s-tls", type: "stored_secret", attributes: { secretType: "kubernetes.io/tls" } });
    await fx.credential({ name: "in-state-file", type: "access_key", locations: [{ path: "infra/terraform.TFSTATE" }] });
    const terraform = await fx.source("terraform-prod", "terraform");
    await fx.credential({ name: "from-terraform-source", type: "private_key", source_id: terraform });
    await fx.credential({ name: "key-in-file", type: "private_key", locations: [{ path: "/srv/app/id_rsa" }] });
    const vault = await fx.resource({ name: "kv", type: "vault_mount" });
    const managed = await fx.credential({ name: "key-in-file-and-vault", type: "private_key", locations: [{ path: "secret/app/key" }] });
    await fx.edge("stored_in", managed, vault);
    await fx.credential({ name: "key-in-commit", type: "private_key", locations: [{ path: "deploy/key.pem", commit: "abc123" }] });
    await fx.credential({ name: "declared-plain-text", type: "password", attributes: { plainText: true } });
  });

  it("fires on secrets in plain configuration, and on no near miss", async () => {
    expect(await t.fx.fired("secret-in-plain-config", asOf)).toEqual([
      "credential:declared-plain-text",
      "credential:from-terraform-source",
      "credential:gitlab-unmasked",
      "credential:gitlab-unprotected",
      "credential:in-state-file",
      "credential:k8s-opaque",
      "credential:key-in-file",
    ]);
    expect(await t.fx.evidenceOf("secret-in-plain-config", asOf, "gitlab-unprotected")).toEqual({ reasons: ["ci-variable-unprotected"] });
    expect(await t.fx.evidenceOf("secret-in-plain-config", asOf, "from-terraform-source")).toEqual({ reasons: ["terraform-state"] });
  });
});
