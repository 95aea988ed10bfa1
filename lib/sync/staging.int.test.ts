import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRun } from "@/lib/sync/execute-run";
import { auditEventsAfter, createSource, idsIn, inventoryVersions, lastAuditId, query, runOptions } from "@/lib/sync/testing/run-fixtures";
import { hasKey, key, keysStream, paged, unitOf } from "@/lib/sync/testing/toy-connector";
import { createTestDatabase, TEST_AUDIT_KEY, type TestDatabase } from "@/test/support/test-database";

/** Tiny COPY chunks: a large unit's staging (many chunks, pipelined), with a few hundred records. */
const tuning = { chunkBytes: 2048 };
const ids = Array.from({ length: 300 }, (_, i) => `k${String(i).padStart(3, "0")}`);
const items = (list: string[], names: Record<string, string> = {}) => list.map((id) => [key(id, "bot", names[id] ? { name: names[id] } : {}), hasKey("bot", id)]);

describe("staging a unit in many COPY chunks", () => {
  let t: TestDatabase;
  let sourceId: string;
  const run = (units: ReturnType<typeof unitOf>[]) => executeRun(runOptions(t.url, sourceId, TEST_AUDIT_KEY, { tuning }), units);
  beforeAll(async () => {
    t = await createTestDatabase();
    sourceId = await createSource(t.url);
  });
  afterAll(() => t.drop());

  it("loads a first sync, then re-syncs unchanged data without writing a row", async () => {
    const first = await run([unitOf(keysStream, paged(items(ids), 25))]);
    expect(first.counts.credential).toMatchObject({ added: 300 });
    const before = await inventoryVersions(t.url);
    const again = await run([unitOf(keysStream, paged(items(ids), 25))]);
    expect(again.counts.credential).toEqual({ added: 0, updated: 0, unchanged: 300, gone: 0, returned: 0 });
    expect(again.counts.edge).toMatchObject({ unchanged: 300, gone: 0 });
    expect(await inventoryVersions(t.url)).toEqual(before);
  });

  it("writes exactly the changed rows and sweeps the missing ones", async () => {
    const changed = { k010: "renamed 10", k250: "renamed 250" };
    const summary = await run([unitOf(keysStream, paged(items(ids.filter((id) => id !== "k100"), changed), 25))]);
    expect(summary.counts.credential).toEqual({ added: 0, updated: 2, unchanged: 297, gone: 1, returned: 0 });
    const names = await query<{ external_id: string; name: string }>(
      t.url,
      `SELECT external_id, name FROM credentials WHERE external_id IN ('k010', 'k250') ORDER BY 1`,
    );
    expect(names).toEqual([
      { external_id: "k010", name: "renamed 10" },
      { external_id: "k250", name: "renamed 250" },
    ]);
  });

  it("keeps 'the later row wins' when a key repeats across chunks, whichever copy is unchanged", async () => {
    // k020 first as stored then renamed; k030 first renamed then as stored: far apart in the unit.
    const list = items(ids.filter((id) => id !== "k100"), { k010: "renamed 10", k250: "renamed 250" });
    const unit = [...list, [key("k020", "bot", { name: "later name" })], [key("k030", "bot", { name: "Key k030" })]];
    unit[30] = [key("k030", "bot", { name: "earlier name" })];
    const lastEvent = await lastAuditId(t.url);
    const summary = await run([unitOf(keysStream, paged(unit, 25))]);
    const names = await query<{ external_id: string; name: string }>(
      t.url,
      `SELECT external_id, name FROM credentials WHERE external_id IN ('k020', 'k030') ORDER BY 1`,
    );
    expect(names).toEqual([
      { external_id: "k020", name: "later name" },
      { external_id: "k030", name: "Key k030" },
    ]);
    // Each record is counted once, as its first occurrence in the run found it; every write is audited.
    const counted = summary.counts.credential!;
    expect(counted.added + counted.updated + counted.unchanged + counted.returned).toBe(299);
    expect(idsIn(await auditEventsAfter(t.url, lastEvent), "inventory.changed", "credential")).toEqual(["k020"]);
  });

  it("rewrites every record when what would be stored changes, though the connector emitted the same", async () => {
    // Same emitted records, another environment default: the stored rows differ, so nothing is unchanged.
    const list = items(ids.filter((id) => id !== "k100"), { k010: "renamed 10", k250: "renamed 250", k020: "later name" });
    const summary = await executeRun(runOptions(t.url, sourceId, TEST_AUDIT_KEY, { tuning, defaultEnvironment: "qa" }), [unitOf(keysStream, paged(list, 25))]);
    expect(summary.counts.credential).toMatchObject({ updated: 299, unchanged: 0 });
    const environments = await query<{ environment: string }>(t.url, `SELECT DISTINCT environment FROM credentials WHERE source_id = $1 AND gone_since IS NULL`, [sourceId]);
    expect(environments).toEqual([{ environment: "qa" }]);
  });
});
