import { beforeAll, describe, expect, it } from "vitest";
import { useRuleFixture } from "@/lib/policy/testing/rule-fixture";

const asOf = new Date("2025-06-01T00:00:00Z");
const t = useRuleFixture();

describe("secret-in-code", () => {
  beforeAll(async () => {
    const { fx } = t;
    const historic = { source: "code", path: "config/prod.env", line: 3, commit: "a1b2c3d", historyOnly: true };
    await fx.credential({ name: "only-in-history", type: "api_key", locations: [historic] });
    await fx.credential({ name: "in-current-tree", type: "api_key", locations: [{ source: "code", path: "app.py", line: 10, commit: "ffee00" }] });
    await fx.credential({ name: "in-a-file-not-a-commit", type: "private_key", locations: [{ path: "/etc/ssl/key.pem" }] });
    await fx.credential({ name: "no-locations", type: "api_key" });
    await fx.credential({ name: "revoked-but-committed", type: "api_key", status: "revoked", locations: [historic] });
  });

  it("fires on secrets committed to a repository (tree or history), and on no near miss", async () => {
    expect(await t.fx.fired("secret-in-code", asOf)).toEqual(["credential:in-current-tree", "credential:only-in-history"]);
    expect(await t.fx.evidenceOf("secret-in-code", asOf, "only-in-history")).toEqual({
      locations: [{ source: "code", path: "config/prod.env", line: 3, commit: "a1b2c3d", historyOnly: true }],
    });
  });
});
