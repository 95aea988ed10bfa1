import { beforeAll, describe, expect, it } from "vitest";
import { daysBefore, useRuleFixture } from "@/lib/policy/testing/rule-fixture";

const asOf = new Date("2025-06-01T00:00:00Z");
const t = useRuleFixture();

describe("human-use", () => {
  beforeAll(async () => {
    const { fx } = t;
    await fx.identity({ name: "used-by-a-person", type: "iam_user", is_human: true });
    await fx.identity({ name: "console-password", type: "iam_user", interactive: true, is_human: false });
    await fx.identity({ name: "machine-only", is_human: false, interactive: false });
    await fx.identity({ name: "cannot-tell" });
    await fx.identity({ name: "gone-human", is_human: true, gone_since: daysBefore(asOf, 1) });
  });

  it("fires on identities classified as human or interactive, and on no near miss", async () => {
    expect(await t.fx.fired("human-use", asOf)).toEqual(["identity:console-password", "identity:used-by-a-person"]);
    expect(await t.fx.evidenceOf("human-use", asOf, "console-password")).toEqual({ isHuman: false, interactive: true });
  });
});
