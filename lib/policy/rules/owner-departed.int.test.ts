import { beforeAll, describe, expect, it } from "vitest";
import { daysBefore, useRuleFixture } from "@/lib/policy/testing/rule-fixture";

const asOf = new Date("2025-06-01T00:00:00Z");
const directoryImported = daysBefore(asOf, 30);
const t = useRuleFixture();
const hint = (email: string, provenance = "aws.tag:owner") => ({ email, provenance });

describe("owner-departed", () => {
  beforeAll(async () => {
    const { fx } = t;
    const person = (email: string, status: string, extra = {}) => fx.person({ email, status, first_seen_at: directoryImported, ...extra });
    const assign = (identityId: string, owner: string, backup: string | null = null) =>
      fx.client.query("INSERT INTO owner_assignments (identity_id, owner_email, backup_email, assigned_by) VALUES ($1, $2, $3, 'ana@example.com')", [
        identityId,
        owner,
        backup,
      ]);
    const alice = await person("alice@example.com", "active");
    const bob = await person("bob@example.com", "left");
    await person("carol@example.com", "active", { gone_since: daysBefore(asOf, 1) });
    await person("dave@example.com", "left");
    await fx.person({ email: "dave@example.com", status: "active", first_seen_at: directoryImported, source_id: await fx.source("hr-2") });
    await person("erin@example.com", "left");

    await fx.identity({ name: "owned-by-alice", owner_hint: hint("alice@example.com") });
    await fx.identity({ name: "owned-by-bob-uppercase", owner_hint: hint("BOB@Example.com") });
    await fx.identity({ name: "owned-by-stranger", owner_hint: hint("zed@example.com") });
    await fx.identity({ name: "owned-by-carol-who-vanished", owner_hint: hint("carol@example.com") });
    await fx.identity({ name: "owned-by-dave-active-elsewhere", owner_hint: hint("dave@example.com") });
    const viaEdge = await fx.identity({ name: "bob-via-owned-by-edge" });
    await fx.edge("owned_by", viaEdge, bob);
    // Two claims of the same level: the identity's own hint wins over an edge, so Alice owns it.
    const both = await fx.identity({ name: "alice-hint-beats-bob-edge", owner_hint: hint("alice@example.com") });
    await fx.edge("owned_by", both, bob);
    const reversed = await fx.identity({ name: "bob-hint-beats-alice-edge", owner_hint: hint("bob@example.com") });
    await fx.edge("owned_by", reversed, alice);
    await fx.identity({ name: "no-owner-at-all" });

    // An explicit assignment outranks every source: who the source names no longer matters.
    await assign(await fx.identity({ name: "assigned-alice-over-departed-hint", owner_hint: hint("bob@example.com") }), "alice@example.com");
    await assign(await fx.identity({ name: "assigned-erin-who-left-backup-alice", owner_hint: hint("alice@example.com") }), "erin@example.com", "alice@example.com");
    // A suggestion is not an owner: no-owner reports it, owner-departed does not.
    await fx.identity({ name: "suggested-bob-only", owner_hint: hint("bob@example.com", "git.committer") });
    // A catalog owner counts when no source names one.
    await fx.identity({ name: "catalog-bob", owner_hint: hint("bob@example.com", "catalog:catalog-info.yaml") });
  });

  it("fires on resolved owners who left or are unknown to the directory, and on no near miss", async () => {
    expect(await t.fx.fired("owner-departed", asOf)).toEqual([
      "identity:assigned-erin-who-left-backup-alice",
      "identity:bob-hint-beats-alice-edge",
      "identity:bob-via-owned-by-edge",
      "identity:catalog-bob",
      "identity:owned-by-bob-uppercase",
      "identity:owned-by-carol-who-vanished",
      "identity:owned-by-stranger",
    ]);
    expect(await t.fx.evidenceOf("owner-departed", asOf, "bob-via-owned-by-edge")).toEqual({
      owner: { email: "bob@example.com", status: "left", kind: "source", via: "owned_by" },
      backup: null,
    });
    expect(await t.fx.evidenceOf("owner-departed", asOf, "owned-by-stranger")).toEqual({
      owner: { email: "zed@example.com", status: "unknown", kind: "source", via: "aws.tag:owner" },
      backup: null,
    });
    expect(await t.fx.evidenceOf("owner-departed", asOf, "catalog-bob")).toMatchObject({ owner: { kind: "catalog", via: "catalog:catalog-info.yaml" } });
  });

  it("fires on a departed primary owner even with an active backup, and names the backup", async () => {
    expect(await t.fx.evidenceOf("owner-departed", asOf, "assigned-erin-who-left-backup-alice")).toEqual({
      owner: { email: "erin@example.com", status: "left", kind: "explicit", via: "keyward.assignment" },
      backup: { email: "alice@example.com", status: "active" },
    });
  });

  it("does not call an owner unknown before any directory existed", async () => {
    expect(await t.fx.fired("owner-departed", daysBefore(directoryImported, 1))).toEqual([]);
  });
});
