import { beforeAll, describe, expect, it } from "vitest";
import { useRuleFixture } from "@/lib/policy/testing/rule-fixture";

const asOf = new Date("2025-06-01T00:00:00Z");
const t = useRuleFixture();

describe("write-deploy-key", () => {
  beforeAll(async () => {
    const { fx } = t;
    const repo = await fx.resource({ name: "acme/api", type: "repository" });
    const key = (name: string, extra: Record<string, unknown> = {}) => fx.credential({ name, type: "deploy_key", ...extra });
    await key("github-read-write", { attributes: { readOnly: false } });
    await key("github-read-only", { attributes: { readOnly: true } });
    await key("access-not-reported");
    await key("gitlab-can-push", { attributes: { canPush: true } });
    await key("gitlab-cannot-push", { attributes: { canPush: false } });
    await fx.edge("has_permission", await key("write-grant-edge"), repo, { level: "write" });
    await fx.edge("has_permission", await key("read-grant-edge"), repo, { level: "read" });
    await key("revoked-read-write", { status: "revoked", attributes: { readOnly: false } });
    await fx.credential({ name: "ssh-key-not-deploy-key", type: "ssh_key", attributes: { readOnly: false } });
  });

  it("fires on deploy keys that can push, and on no near miss", async () => {
    expect(await t.fx.fired("write-deploy-key", asOf)).toEqual([
      "credential:github-read-write",
      "credential:gitlab-can-push",
      "credential:write-grant-edge",
    ]);
    expect(await t.fx.evidenceOf("write-deploy-key", asOf, "github-read-write")).toEqual({ readOnly: false, canPush: null, writeGrant: false });
  });
});
