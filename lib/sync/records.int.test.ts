import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRun } from "@/lib/sync/execute-run";
import { auditEventsAfter, createSource, idsIn, lastAuditId, query, runOptions } from "@/lib/sync/testing/run-fixtures";
import { key, keysStream, pagesFrom, peopleStream, person, toyStream, unitOf, user, usersStream } from "@/lib/sync/testing/toy-connector";
import type { WorkUnit } from "@/lib/sync/types";
import { createTestDatabase, TEST_AUDIT_KEY, type TestDatabase } from "@/test/support/test-database";

/** Shaped like a GitHub token, built at run time so no scanner flags this file. */
const LEAKED = ["gh", "p_", "A".repeat(18), "b".repeat(18)].join("");

describe("records: validation, secrets, encoding, duplicates", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());
  const run = (sourceId: string, units: WorkUnit[], extra = {}) => executeRun(runOptions(t.url, sourceId, TEST_AUDIT_KEY, extra), units);

  it("rejects a record holding a secret-looking value as an item error; it never reaches the database", async () => {
    const sourceId = await createSource(t.url);
    const summary = await run(sourceId, [
      unitOf(keysStream, [[key("k1", "bot"), key("k2", "bot", { attributes: { note: `token ${LEAKED}` } }), key("k3", "bot")]]),
    ]);
    expect(summary.status).toBe("partial");
    expect(summary.errors).toEqual([
      expect.objectContaining({ stream: "keys", page: 1, item: 2, field: "attributes.note", reason: expect.stringContaining("github-token") }),
    ]);
    const stored = await query<{ external_id: string }>(t.url, `SELECT external_id FROM credentials WHERE source_id = $1 ORDER BY 1`, [sourceId]);
    expect(stored.map((r) => r.external_id)).toEqual(["k1", "k3"]);
    const leaks = await query(
      t.url,
      `SELECT 1 FROM credentials WHERE attributes::text LIKE $1
       UNION ALL SELECT 1 FROM audit_events WHERE summary::text LIKE $1
       UNION ALL SELECT 1 FROM sync_runs WHERE errors::text LIKE $1 OR progress::text LIKE $1`,
      [`%${LEAKED.slice(0, 12)}%`],
    );
    expect(leaks).toEqual([]);
  });

  it("reports invalid records and throwing transforms by field, loads the rest, and sweeps nothing", async () => {
    const sourceId = await createSource(t.url);
    await run(sourceId, [unitOf(keysStream, [[key("k1", "bot"), key("k2", "bot"), key("k3", "bot")]])]);
    const broken = toyStream("broken", ["toy.broken"]);
    const summary = await run(sourceId, [
      unitOf(keysStream, [[key("k1", "bot"), { ...key("k4", "bot"), name: "" }, { ...key("k5", "bot"), status: "sideways" }]]),
      { ...unitOf(broken, []), pages: pagesFrom([[42]]) },
    ]);
    expect(summary.status).toBe("partial");
    expect(summary.errors).toEqual([
      expect.objectContaining({ stream: "keys", item: 2, field: "name", reason: expect.stringMatching(/^invalid record/) }),
      expect.objectContaining({ stream: "keys", item: 3, field: "status" }),
      expect.objectContaining({ stream: "broken", item: 1, reason: expect.stringContaining('stream "broken"') }),
    ]);
    // k2 and k3 are missing from an unclean unit: not retired.
    const present = await query<{ external_id: string }>(
      t.url,
      `SELECT external_id FROM credentials WHERE source_id = $1 AND gone_since IS NULL ORDER BY 1`,
      [sourceId],
    );
    expect(present.map((r) => r.external_id)).toEqual(["k1", "k2", "k3"]);
  });

  it("stores tabs, newlines, backslashes, quotes and unicode exactly; refuses NUL and lone surrogates per record", async () => {
    const sourceId = await createSource(t.url);
    const name = 'tab\there\nnew "line" back\\slash \\N é 🔑 \u2028';
    const attributes = { "k\tey": "v\\al\nue", nested: { z: 1, a: ["\\", "\t"] }, emoji: "🧪" };
    const summary = await run(sourceId, [
      unitOf(keysStream, [
        [
          key("k\\1\t", "bot", { name, attributes }),
          key("nul", "bot", { name: "a\u0000b" }),
          key("surrogate", "bot", { attributes: { x: "\ud800" } }),
        ],
      ]),
    ]);
    expect(summary.errors.map((e) => [e.item, e.field])).toEqual([
      [2, "name"],
      [3, "attributes"],
    ]);
    const [row] = await query<{ external_id: string; name: string; attributes: unknown }>(
      t.url,
      `SELECT external_id, name, attributes FROM credentials WHERE source_id = $1`,
      [sourceId],
    );
    expect(row).toEqual({ external_id: "k\\1\t", name, attributes });
  });

  it("applies the default environment to records without one", async () => {
    const sourceId = await createSource(t.url);
    await query(t.url, `UPDATE sources SET environment = 'staging' WHERE id = $1`, [sourceId]);
    await run(sourceId, [unitOf(usersStream, [[user("a"), user("b", { environment: "prod" })]])]);
    await run(sourceId, [unitOf(keysStream, [[key("k1", "a")]])], { defaultEnvironment: "dev" });
    const rows = await query<{ external_id: string; environment: string }>(
      t.url,
      `SELECT external_id, environment FROM identities WHERE source_id = $1 UNION ALL SELECT external_id, environment FROM credentials WHERE source_id = $1 ORDER BY 1`,
      [sourceId],
    );
    expect(rows).toEqual([
      { external_id: "a", environment: "staging" },
      { external_id: "b", environment: "prod" },
      { external_id: "k1", environment: "dev" },
    ]);
  });

  it("counts a record repeated within a unit or across units once; the later one wins", async () => {
    const sourceId = await createSource(t.url);
    const summary = await run(sourceId, [
      unitOf(keysStream, [[key("k1", "bot", { name: "first" }), key("k2", "bot")], [key("k1", "bot", { name: "second" })]]),
      unitOf(keysStream, [[key("k2", "bot", { name: "from unit two" }), key("k3", "bot")]], { origin: "second-file" }),
      unitOf(keysStream, [[key("k3", "bot")]], { origin: "third-file" }),
    ]);
    expect(summary.counts.credential).toEqual({ added: 3, updated: 0, unchanged: 0, gone: 0, returned: 0 });
    const rows = await query<{ external_id: string; name: string }>(t.url, `SELECT external_id, name FROM credentials WHERE source_id = $1 ORDER BY 1`, [sourceId]);
    expect(rows).toEqual([
      { external_id: "k1", name: "second" },
      { external_id: "k2", name: "from unit two" },
      { external_id: "k3", name: "Key k3" },
    ]);
    const again = await run(sourceId, [unitOf(keysStream, [[key("k1", "bot", { name: "second" })]]), unitOf(keysStream, [[key("k1", "bot", { name: "second" })]])]);
    expect(again.counts.credential).toMatchObject({ unchanged: 1, gone: 2 });
  });

  it("loads people and their teams, audits new teams, and sweeps people with their stream", async () => {
    const sourceId = await createSource(t.url);
    const lastEvent = await lastAuditId(t.url);
    await run(sourceId, [unitOf(peopleStream, [[person("ana", { team: "Platform" }), person("bo", { team: "Data" }), person("cy")]])]);
    const teams = await query<{ name: string }>(t.url, `SELECT name FROM teams ORDER BY name`);
    expect(teams.map((r) => r.name)).toEqual(["Data", "Platform"]);
    const events = await auditEventsAfter(t.url, lastEvent);
    expect(idsIn(events, "inventory.discovered", "team")).toEqual(["Data", "Platform"]);
    expect(idsIn(events, "inventory.discovered", "person").sort()).toEqual(["ana", "bo", "cy"]);

    const summary = await run(sourceId, [unitOf(peopleStream, [[person("ana", { team: "Platform" }), person("bo", { team: "Data", status: "left" })]])]);
    expect(summary.counts.person).toMatchObject({ updated: 1, unchanged: 1, gone: 1 });
    const people = await query<{ external_id: string; external_type: string; status: string; gone: boolean }>(
      t.url,
      `SELECT external_id, external_type, status, gone_since IS NOT NULL AS gone FROM people WHERE source_id = $1 ORDER BY 1`,
      [sourceId],
    );
    expect(people).toEqual([
      { external_id: "ana", external_type: "person", status: "active", gone: false },
      { external_id: "bo", external_type: "person", status: "left", gone: false },
      { external_id: "cy", external_type: "person", status: "active", gone: true },
    ]);
  });

  it("sweeps a child stream over all its parents' units, and not at all when one of them failed", async () => {
    const sourceId = await createSource(t.url);
    const childKeys = toyStream("user-keys", ["toy.user_key"], { parent: "users" });
    const childKey = (id: string) => ({ ...key(id, "bot"), externalType: "toy.user_key" });
    const unitFor = (parent: string, ids: string[], failAtPage?: number): WorkUnit => ({
      ...unitOf(childKeys, [ids.map(childKey)], { failAtPage }),
      parent: { stream: "users", id: parent },
    });
    await run(sourceId, [unitFor("u1", ["a1", "a2"]), unitFor("u2", ["b1", "b2"])]);
    const second = await run(sourceId, [unitFor("u1", ["a1", "a2"]), unitFor("u2", ["b1"])]);
    expect(second.counts.credential).toMatchObject({ unchanged: 3, gone: 1, returned: 0 });
    const third = await run(sourceId, [unitFor("u1", ["a1"]), unitFor("u2", ["b1"], 1)]);
    expect(third.status).toBe("partial");
    const gone = await query<{ external_id: string }>(t.url, `SELECT external_id FROM credentials WHERE source_id = $1 AND gone_since IS NOT NULL`, [sourceId]);
    expect(gone.map((r) => r.external_id)).toEqual(["b2"]);
  });

  it("retires nothing when the list of units itself fails", async () => {
    const sourceId = await createSource(t.url);
    await run(sourceId, [unitOf(keysStream, [[key("k1", "bot"), key("k2", "bot")]])]);
    async function* units(): AsyncGenerator<WorkUnit> {
      yield unitOf(keysStream, [[key("k1", "bot")]]);
      throw new Error("could not read the next file");
    }
    const summary = await executeRun(runOptions(t.url, sourceId, TEST_AUDIT_KEY), units());
    expect(summary.status).toBe("partial");
    expect(summary.errors).toEqual([expect.objectContaining({ reason: expect.stringContaining("could not read the next file") })]);
    const gone = await query(t.url, `SELECT 1 FROM credentials WHERE source_id = $1 AND gone_since IS NOT NULL`, [sourceId]);
    expect(gone).toEqual([]);
  });

  it("reports progress as it goes and stores it on the run", async () => {
    const sourceId = await createSource(t.url);
    const seen: number[] = [];
    const summary = await run(sourceId, [unitOf(keysStream, [[key("k1", "bot")], [key("k2", "bot")]])], { onProgress: (p: { items: number }) => seen.push(p.items) });
    expect(seen.at(-1)).toBe(2);
    const [row] = await query<{ progress: { items: number; pages: number; unitsDone: number; unitsTotal: number } }>(
      t.url,
      `SELECT progress FROM sync_runs WHERE id = $1`,
      [summary.runId],
    );
    expect(row?.progress).toMatchObject({ items: 2, pages: 2, unitsDone: 1, unitsTotal: 1 });
  });
});
