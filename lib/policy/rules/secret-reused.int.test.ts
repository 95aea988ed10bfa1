import { beforeAll, describe, expect, it } from "vitest";
import { daysBefore, useRuleFixture } from "@/lib/policy/testing/rule-fixture";

const asOf = new Date("2025-06-01T00:00:00Z");
const fp = (c: string) => `hmac-sha256:${c.repeat(64)}`;
const t = useRuleFixture();

describe("secret-reused", () => {
  beforeAll(async () => {
    const { fx } = t;
    const github = await fx.source("github-acme", "github");
    await fx.credential({ name: "a-in-vault", fingerprint: fp("a"), first_seen_at: new Date("2016-01-01Z") });
    await fx.credential({ name: "a-in-ci", fingerprint: fp("a"), source_id: github, type: "ci_variable", first_seen_at: new Date("2014-01-01Z"),
      locations: [{ source: "github", path: "acme/api" }] });
    await fx.credential({ name: "a-in-k8s", fingerprint: fp("a"), type: "stored_secret", first_seen_at: new Date("2017-01-01Z") });
    await fx.credential({ name: "b-alone", fingerprint: fp("b") });
    await fx.credential({ name: "b-revoked-copy", fingerprint: fp("b"), status: "revoked" });
    await fx.credential({ name: "c-present", fingerprint: fp("c") });
    await fx.credential({ name: "c-gone-copy", fingerprint: fp("c"), gone_since: daysBefore(asOf, 1) });
    await fx.credential({ name: "no-fingerprint-1" });
    await fx.credential({ name: "no-fingerprint-2" });
  });

  it("raises one finding per shared value, on the holder seen first, listing every place", async () => {
    expect(await t.fx.fired("secret-reused", asOf)).toEqual(["credential:a-in-ci"]);
    const evidence = (await t.fx.evidenceOf("secret-reused", asOf, "a-in-ci")) as { count: number; fingerprint: string; places: Array<Record<string, unknown>> };
    expect(evidence.count).toBe(3);
    expect(evidence.fingerprint).toBe(fp("a"));
    expect(evidence.places.map((p) => p.name).sort()).toEqual(["a-in-ci", "a-in-k8s", "a-in-vault"]);
    expect(evidence.places.find((p) => p.name === "a-in-ci")).toMatchObject({ source: "github-acme", type: "ci_variable", locations: [{ source: "github", path: "acme/api" }] });
  });
});
