import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useRuleFixture } from "@/lib/policy/testing/rule-fixture";
import type { Caller } from "@/lib/auth/session-context";
import type { BlastRadiusResult } from "@/lib/inventory/blast-radius-query";
import { WALK_SQL } from "@/lib/inventory/blast-radius-sql";

/*
 * The fixture graph (→ = a present edge; ⇢ = derived at query time):
 *
 *   deployer-key ⇢ same fingerprint ⇢ ci-copy (another source) ← has_credential ← ci-runner → write → repo
 *        ↑ has_credential (edge and identity_id)
 *   deployer → can_assume → admin-role → admin → prod-account
 *        ↑──────── can_assume ─────────┘            (a cycle)
 *   deployer → read → logs-bucket;  deployer → has_permission → (dangling: no such node)
 *   deployer → has_permission (gone) → old-db;  deployer → owned_by → ana (not walked)
 *   hub → has_permission → 30 resources
 */

const fixture = useRuleFixture();
let blastRadiusFor: typeof import("@/lib/inventory/blast-radius").blastRadius;
let walk: typeof import("@/lib/inventory/blast-radius-query").blastRadius;
const ids: Record<string, string> = {};
const caller = (role: Caller["role"], email = `${role}@example.com`): Caller => ({ type: "user", userId: null, email, name: null, role, sessionId: null });
const DANGLING = "external:aws.iam_role:arn:aws:iam::999999999999:role/elsewhere";

/** `name@depth` of every reached node, sorted: compares whole reachable sets at once. */
const reached = (result: BlastRadiusResult) => {
  const names = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  return result.nodes.map((n) => `${names.get(n.id) ?? n.id}@${n.depth}`).sort();
};

beforeAll(async () => {
  process.env.DATABASE_URL = fixture.database.url;
  blastRadiusFor = (await import("@/lib/inventory/blast-radius")).blastRadius;
  walk = (await import("@/lib/inventory/blast-radius-query")).blastRadius;
  const github = await fixture.fx.source("github-org", "github");
  ids.deployer = await fixture.fx.identity({ name: "deployer", owner_hint: { email: "ana@example.com", provenance: "aws.tag:owner" } });
  ids["deployer-key"]! = await fixture.fx.credential({ name: "deployer-key", identity_id: ids.deployer!, fingerprint: "hmac-sha256:f1" });
  ids["ci-runner"] = await fixture.fx.identity({ name: "ci-runner", source_id: github });
  ids["ci-copy"]! = await fixture.fx.credential({ name: "ci-copy", source_id: github, fingerprint: "hmac-sha256:f1" });
  ids["admin-role"] = await fixture.fx.identity({ name: "admin-role", type: "iam_role" });
  for (const name of ["prod-account", "logs-bucket", "repo", "old-db"]) ids[name] = await fixture.fx.resource({ name });
  ids.ana = await fixture.fx.person({ email: "ana@example.com" });
  ids.carl = await fixture.fx.person({ email: "carl@example.com" });
  await fixture.fx.edge("has_credential", ids.deployer!, ids["deployer-key"]!);
  await fixture.fx.edge("has_credential", ids["ci-runner"]!, ids["ci-copy"]!, { source_id: github });
  await fixture.fx.edge("can_assume", ids.deployer!, ids["admin-role"]!);
  await fixture.fx.edge("can_assume", ids["admin-role"]!, ids.deployer!);
  await fixture.fx.edge("has_permission", ids["admin-role"]!, ids["prod-account"]!, { level: "admin" });
  await fixture.fx.edge("has_permission", ids.deployer!, ids["logs-bucket"]!, { level: "read" });
  await fixture.fx.edge("has_permission", ids["ci-runner"]!, ids.repo!, { level: "write", source_id: github });
  await fixture.fx.edge("has_permission", ids.deployer!, null, { to_external_type: "aws.iam_role", to_external_id: "arn:aws:iam::999999999999:role/elsewhere" });
  await fixture.fx.edge("has_permission", ids.deployer!, ids["old-db"]!, { level: "admin", gone_since: new Date("2026-01-01T00:00:00Z") });
  await fixture.fx.edge("owned_by", ids.deployer!, ids.ana!);
  await fixture.fx.edge("owned_by", ids["ci-runner"]!, ids.carl!, { source_id: github });
  ids.hub = await fixture.fx.identity({ name: "hub" });
  for (let i = 0; i < 30; i++) await fixture.fx.edge("has_permission", ids.hub!, await fixture.fx.resource({ name: `hub-target-${i}` }), { level: "read" });
});

afterAll(async () => {
  const { getDb } = await import("@/lib/db");
  await getDb().$disconnect();
});

describe("blast radius walk", () => {
  const options = (maxDepth: number) => ({ maxDepth, maxNodes: 500, timeoutMs: 5000 });

  it("reaches exactly what each depth allows, each node once at its shortest distance", async () => {
    const db = fixture.database.db;
    expect(reached(await walk(db, ids["deployer-key"]!, options(1)))).toEqual(["ci-copy@1", "deployer-key@0", "deployer@1"]);
    expect(reached(await walk(db, ids["deployer-key"]!, options(2)))).toEqual(
      ["admin-role@2", "ci-copy@1", "ci-runner@2", "deployer-key@0", "deployer@1", `${DANGLING}@2`, "logs-bucket@2"].sort(),
    );
    const full = ["admin-role@2", "ci-copy@1", "ci-runner@2", "deployer-key@0", "deployer@1", `${DANGLING}@2`, "logs-bucket@2", "prod-account@3", "repo@3"].sort();
    expect(reached(await walk(db, ids["deployer-key"]!, options(3)))).toEqual(full);
    // The cycle deployer ⇄ admin-role and the two-way key link end the walk: deeper adds nothing.
    expect(reached(await walk(db, ids["deployer-key"]!, options(6)))).toEqual(full);
  });

  it("says how each node was reached, the start node first", async () => {
    const result = await walk(fixture.database.db, ids["deployer-key"]!, options(4));
    expect(result.nodes[0]).toMatchObject({ id: ids["deployer-key"], kind: "credential", depth: 0, via: null });
    const node = (name: string) => result.nodes.find((n) => n.id === ids[name]);
    expect(node("deployer")).toMatchObject({ kind: "identity", via: { parentId: ids["deployer-key"], relation: "held_by" } });
    expect(node("ci-copy")).toMatchObject({ kind: "credential", via: { parentId: ids["deployer-key"], relation: "same_secret" } });
    expect(node("ci-runner")?.via).toMatchObject({ parentId: ids["ci-copy"], relation: "held_by" });
    expect(node("prod-account")).toMatchObject({ kind: "resource", via: { parentId: ids["admin-role"], relation: "has_permission", level: "admin" } });
    expect(result.nodes.find((n) => n.id === DANGLING)).toMatchObject({ kind: "external", type: "aws.iam_role", via: { parentId: ids.deployer } });
    expect(result.grants.map((g) => [g.resourceId, g.principalId, g.level]).sort()).toEqual(
      [[ids["prod-account"], ids["admin-role"], "admin"], [ids["logs-bucket"], ids.deployer, "read"], [ids.repo, ids["ci-runner"], "write"]].sort(),
    );
    expect(result).toMatchObject({ capped: false, timedOut: false });
  });

  it("follows present edges only and never the owner relation", async () => {
    const names = reached(await walk(fixture.database.db, ids.deployer!, options(6)));
    expect(names.some((n) => n.startsWith("old-db@") || n.startsWith("ana@"))).toBe(false);
  });

  it("caps the result at maxNodes and says so", async () => {
    const capped = await walk(fixture.database.db, ids.hub!, { maxDepth: 4, maxNodes: 10, timeoutMs: 5000 });
    expect(capped).toMatchObject({ capped: true, timedOut: false });
    expect(capped.nodes).toHaveLength(10);
    expect(capped.nodes[0]!.id).toBe(ids.hub);
    const exact = await walk(fixture.database.db, ids.hub!, { maxDepth: 4, maxNodes: 31, timeoutMs: 5000 });
    expect(exact).toMatchObject({ capped: false });
    expect(exact.nodes).toHaveLength(31);
  });

  it("counts dangling leaves against the cap", async () => {
    // deployer-key, deployer, ci-copy, then 3 of {admin-role, logs-bucket, ci-runner}: no room for the dangling end.
    const result = await walk(fixture.database.db, ids["deployer-key"]!, { maxDepth: 2, maxNodes: 6, timeoutMs: 5000 });
    expect(result.capped).toBe(true);
    expect(result.nodes).toHaveLength(6);
  });
});

describe("blast radius on a larger generated graph", () => {
  /** 20,000 identities, each able to assume 5 others: everything is reachable within a few steps. */
  const SIZE = 20_000;
  let first: string;

  beforeAll(async () => {
    const source = await fixture.fx.source("mesh", "aws");
    await fixture.fx.client.query(
      `INSERT INTO identities (id, source_id, scope, external_type, external_id, name, type, status, content_hash, last_seen_generation)
       SELECT md5('mesh' || n)::uuid, $1, 'mesh', 'mesh.identity', 'm' || n, 'mesh-' || n, 'iam_role', 'active', 'h', 1
       FROM generate_series(0, ${SIZE - 1}) n`,
      [source],
    );
    await fixture.fx.client.query(
      `INSERT INTO edges (source_id, scope, external_type, type, from_external_type, from_external_id, to_external_type, to_external_id,
                          from_id, to_id, content_hash, last_seen_generation)
       SELECT $1, 'mesh', 'edge:can_assume', 'can_assume', 'mesh.identity', 'm' || n, 'mesh.identity', 'm' || t,
              md5('mesh' || n)::uuid, md5('mesh' || t)::uuid, 'h', 1
       FROM generate_series(0, ${SIZE - 1}) n CROSS JOIN LATERAL (SELECT DISTINCT (n * k + k * k) % ${SIZE} AS t FROM generate_series(1, 5) k) ts
       WHERE t <> n`,
      [source],
    );
    // One key per identity, a third of them sharing a value with another: the credential lookups have work too.
    await fixture.fx.client.query(
      `INSERT INTO credentials (id, source_id, scope, external_type, external_id, name, type, status, identity_id, fingerprint, content_hash, last_seen_generation)
       SELECT md5('mesh-key' || n)::uuid, $1, 'mesh', 'mesh.key', 'k' || n, 'mesh-key-' || n, 'access_key', 'active', md5('mesh' || n)::uuid,
              CASE WHEN n % 3 = 0 THEN 'hmac-sha256:' || md5('value' || (n / 6)) END, 'h', 1
       FROM generate_series(0, ${SIZE - 1}) n`,
      [source],
    );
    await fixture.fx.client.query("ANALYZE");
    first = (await fixture.fx.client.query<{ id: string }>("SELECT md5('mesh0')::uuid::text AS id")).rows[0]!.id;
  });

  it("walks each step through the edge indexes (EXPLAIN), never a scan of the edges table", async () => {
    const plan = await fixture.fx.client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${WALK_SQL}`, [first, 6, 500]);
    const text = plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toContain("edges_from_id_to_id_type_idx");
    expect(text).toContain("credentials_fingerprint_idx");
    expect(text).toContain("credentials_identity_id_gone_since_idx");
    expect(text).not.toMatch(/Seq Scan on (edges|credentials)/);
  });

  it("stays cycle-safe and bounded on a cyclic mesh", async () => {
    const result = await walk(fixture.database.db, first, { maxDepth: 6, maxNodes: 50_000, timeoutMs: 20_000 });
    expect(result.timedOut).toBe(false);
    expect(new Set(result.nodes.map((n) => n.id)).size).toBe(result.nodes.length);
    expect(result.nodes.length).toBeGreaterThan(500);
    expect(Math.max(...result.nodes.map((n) => n.depth))).toBeLessThanOrEqual(6);
  });

  it("reports a timeout instead of hanging", async () => {
    const result = await walk(fixture.database.db, first, { maxDepth: 6, maxNodes: 50_000, timeoutMs: 1 });
    expect(result).toMatchObject({ timedOut: true, capped: false, nodes: [], grants: [] });
  });
});

describe("blastRadius(caller, …) authorization", () => {
  it("lets every reading role walk from any node", async () => {
    for (const role of ["admin", "analyst", "auditor"] as const) {
      const result = await blastRadiusFor(caller(role), ids["deployer-key"]!, { depth: 1 });
      expect(result.nodes).toHaveLength(3);
    }
  });

  it("lets an owner start only from what they own", async () => {
    const ana = caller("owner", "Ana@Example.com");
    expect((await blastRadiusFor(ana, ids.deployer!, { depth: 1 })).nodes.length).toBeGreaterThan(1);
    expect((await blastRadiusFor(ana, ids["deployer-key"]!, { depth: 1 })).nodes.length).toBeGreaterThan(1);
    await expect(blastRadiusFor(ana, ids["ci-runner"]!)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Ownership through an owned_by edge to a person in the directory.
    const carl = caller("owner", "carl@example.com");
    expect((await blastRadiusFor(carl, ids["ci-runner"]!, { depth: 1 })).nodes[0]!.id).toBe(ids["ci-runner"]);
    await expect(blastRadiusFor(carl, ids["deployer-key"]!)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("answers NOT_FOUND for unknown, malformed and non-detail ids", async () => {
    const admin = caller("admin");
    await expect(blastRadiusFor(admin, crypto.randomUUID())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(blastRadiusFor(admin, "not-a-uuid")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(blastRadiusFor(admin, ids.repo!)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("gives the page and the API the radius grouped by privilege and laid out", async () => {
    const { blastRadiusView } = await import("@/lib/inventory/blast-radius-view");
    const view = await blastRadiusView(caller("analyst"), ids["deployer-key"]!, { depth: 4 });
    expect(view.privilegeGroups.map((g) => [g.level, g.resources.map((r) => r.name)])).toEqual([
      ["admin", ["prod-account"]],
      ["write", ["repo"]],
      ["read", ["logs-bucket"]],
      ["unspecified", ["arn:aws:iam::999999999999:role/elsewhere"]],
    ]);
    expect(view.principals.map((g) => [g.kind, g.nodes.map((n) => n.name)])).toEqual([
      ["identity", ["deployer", "admin-role", "ci-runner"]],
      ["credential", ["ci-copy"]],
    ]);
    expect(view.graph.nodes).toHaveLength(view.nodes.length);
    expect(view.graph.edges).toHaveLength(view.nodes.length - 1);
  });

  it("refuses depths outside 1…6", async () => {
    await expect(blastRadiusFor(caller("admin"), ids.deployer!, { depth: 7 })).rejects.toThrow();
    await expect(blastRadiusFor(caller("admin"), ids.deployer!, { depth: 0 })).rejects.toThrow();
  });
});
