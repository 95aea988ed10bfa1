import { beforeAll, describe, expect, it } from "vitest";
import { daysBefore, useRuleFixture } from "@/lib/policy/testing/rule-fixture";

const asOf = new Date("2025-06-01T00:00:00Z");
const directoryImported = daysBefore(asOf, 30);
const t = useRuleFixture();
const hint = (email: string) => ({ email, provenance: "aws.tag:owner" });

describe("owner-departed", () => {
  beforeAll(async () => {
    const { fx } = t;
    const person = (email: string, status: string, extra = {}) => fx.person({ email, status, first_seen_at: directoryImported, ...extra });
    await person("alice@example.com", "active");
    const bob = await person("bob@example.com", "left");
    await person("carol@example.com", "active", { gone_since: daysBefore(asOf, 1) });
    await person("dave@example.com", "left");
    await fx.person({ email: "dave@example.com", status: "active", first_seen_at: directoryImported, source_id: await fx.source("hr-2") });

    await fx.identity({ name: "owned-by-alice", owner_hint: hint("alice@example.com") });
    await fx.identity({ name: "owned-by-bob-uppercase", owner_hint: hint("BOB@Example.com") });
    await fx.identity({ name: "owned-by-stranger", owner_hint: hint("zed@example.com") });
    await fx.identity({ name: "owned-by-carol-who-vanished", owner_hint: hint("carol@example.com") });
    await fx.identity({ name: "owned-by-dave-active-elsewhere", owner_hint: hint("dave@example.com") });
    const viaEdge = await fx.identity({ name: "bob-via-owned-by-edge" });
    await fx.edge("owned_by", viaEdge, bob);
    const both = await fx.identity({ name: "alice-and-bob", owner_hint: hint("alice@example.com") });
    await fx.edge("owned_by", both, bob);
    await fx.identity({ name: "no-owner-at-all" });
  });

  it("fires on owners who left or are unknown to the directory, and on no near miss", async () => {
    expect(await t.fx.fired("owner-departed", asOf)).toEqual([
      "identity:alice-and-bob",
      "identity:bob-via-owned-by-edge",
      "identity:owned-by-bob-uppercase",
      "identity:owned-by-carol-who-vanished",
      "identity:owned-by-stranger",
    ]);
    expect(await t.fx.evidenceOf("owner-departed", asOf, "alice-and-bob")).toEqual({
      owners: [{ email: "bob@example.com", status: "left", via: "owned_by" }],
    });
    expect(await t.fx.evidenceOf("owner-departed", asOf, "owned-by-stranger")).toEqual({
      owners: [{ email: "zed@example.com", status: "unknown", via: "aws.tag:owner" }],
    });
  });

  it("does not call an owner unknown before any directory existed", async () => {
    expect(await t.fx.fired("owner-departed", daysBefore(directoryImported, 1))).toEqual([]);
  });
});
