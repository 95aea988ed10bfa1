import { beforeAll, describe, expect, it } from "vitest";
import { useRuleFixture } from "@/lib/policy/testing/rule-fixture";

const asOf = new Date("2025-06-01T00:00:00Z");
const fp = (c: string) => `hmac-sha256:${c.repeat(64)}`;
const t = useRuleFixture();

describe("static-cloud-key-in-ci", () => {
  beforeAll(async () => {
    const { fx } = t;
    const ci = (name: string, extra: Record<string, unknown>) => fx.credential({ name, type: "ci_variable", ...extra });
    await ci("aws-key-by-pattern", { attributes: { valueKind: "aws_access_key" } });
    await ci("gcp-key-json-by-pattern", { attributes: { valueKind: "gcp_service_account_key" } });
    await ci("session-credentials", { attributes: { valueKind: "aws_session_credentials" } });
    await ci("plain-setting", { attributes: {} });
    const key = await fx.credential({ name: "iam-key-from-terraform-state", type: "access_key", fingerprint: fp("a") });
    await ci("same-value-as-an-iam-key", { fingerprint: fp("a") });
    await fx.credential({ name: "app-password", type: "password", fingerprint: fp("b") });
    await ci("same-value-as-a-password", { fingerprint: fp("b") });
    await fx.credential({ name: "google-held-key", type: "access_key", fingerprint: fp("c"), attributes: { keyType: "SYSTEM_MANAGED" } });
    await ci("same-value-as-a-google-held-key", { fingerprint: fp("c") });
    await fx.credential({ name: "vault-secret-with-aws-key", type: "stored_secret", attributes: { valueKind: "aws_access_key" } });
    await ci("revoked-aws-key", { status: "revoked", attributes: { valueKind: "aws_access_key" } });
    expect(key).toBeTruthy();
  });

  it("fires on CI variables holding long-lived cloud keys, and on no near miss", async () => {
    expect(await t.fx.fired("static-cloud-key-in-ci", asOf)).toEqual([
      "credential:aws-key-by-pattern",
      "credential:gcp-key-json-by-pattern",
      "credential:same-value-as-an-iam-key",
    ]);
    const evidence = (await t.fx.evidenceOf("static-cloud-key-in-ci", asOf, "same-value-as-an-iam-key")) as { matchingKeys: string[]; valueKind: unknown };
    expect(evidence.valueKind).toBeNull();
    expect(evidence.matchingKeys).toHaveLength(1);
  });
});
