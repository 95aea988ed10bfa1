import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpError } from "@/connectors/sdk";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { executeRun } from "@/lib/sync/execute-run";
import {
  auditEventsAfter,
  createSource,
  idsIn,
  inventoryVersions,
  lastAuditId,
  query,
  runOptions,
} from "@/lib/sync/testing/run-fixtures";
import { hasKey, key, keysStream, paged, unitOf, user, usersStream } from "@/lib/sync/testing/toy-connector";
import { createTestDatabase, TEST_AUDIT_KEY, type TestDatabase } from "@/test/support/test-database";

const N = 30;
const ids = Array.from({ length: N }, (_, i) => `k${String(i).padStart(3, "0")}`);
const owners = ["alice-bot", "bob-bot", "carol-bot"];
const userItems = owners.map((o) => user(o));
const ownerOf = (id: string) => owners[Number(id.slice(1)) % 3]!;
const keyItems = (keep: string[]) => keep.map((id) => [key(id, ownerOf(id)), hasKey(ownerOf(id), id)]);

describe("executeRun: generations, sweep, audit", () => {
  let t: TestDatabase;
  let sourceId: string;
  const run = (keep: string[], extra = {}) =>
    executeRun(runOptions(t.url, sourceId, TEST_AUDIT_KEY, extra), [unitOf(usersStream, [userItems]), unitOf(keysStream, paged(keyItems(keep), 7))]);

  beforeAll(async () => {
    t = await createTestDatabase();
    sourceId = await createSource(t.url);
  });
  afterAll(() => t.drop());

  it("generation 1 loads every record, resolves references and audits the discoveries", async () => {
    const summary = await run(ids);
    expect(summary.status).toBe("succeeded");
    expect(summary.generation).toBe(1n);
    expect(summary.counts.credential).toEqual({ added: N, updated: 0, unchanged: 0, gone: 0, returned: 0 });
    expect(summary.counts.identity?.added).toBe(3);
    expect(summary.counts.edge?.added).toBe(N);

    const creds = await query<{ external_id: string; identity_id: string | null; last_seen_generation: string }>(
      t.url,
      `SELECT external_id, identity_id, last_seen_generation::text FROM credentials ORDER BY external_id`,
    );
    expect(creds.map((c) => c.external_id)).toEqual(ids);
    expect(creds.every((c) => c.identity_id !== null && c.last_seen_generation === "1")).toBe(true);
    const dangling = await query(t.url, `SELECT id FROM edges WHERE from_id IS NULL OR to_id IS NULL`);
    expect(dangling).toEqual([]);
    const edgeTypes = await query<{ external_type: string }>(t.url, `SELECT DISTINCT external_type FROM edges`);
    expect(edgeTypes).toEqual([{ external_type: "edge:keys:has_credential" }]);

    const events = await auditEventsAfter(t.url, 0);
    expect(idsIn(events, "inventory.discovered", "credential").sort()).toEqual(ids);
    expect(events.at(-1)?.action).toBe("sync.completed");
    const [source] = await query<{ generation: string; last_complete_sync_at: Date | null }>(
      t.url,
      `SELECT generation::text, last_complete_sync_at FROM sources WHERE id = $1`,
      [sourceId],
    );
    expect(source).toMatchObject({ generation: "1" });
    expect(source!.last_complete_sync_at).toBeInstanceOf(Date);
  });

  it("re-running identical data writes no inventory row and audits only the run", async () => {
    const before = await inventoryVersions(t.url);
    const lastEvent = await lastAuditId(t.url);
    const summary = await run(ids);
    expect(summary.status).toBe("succeeded");
    expect(summary.counts.credential).toEqual({ added: 0, updated: 0, unchanged: N, gone: 0, returned: 0 });
    expect(await inventoryVersions(t.url)).toEqual(before);
    const events = await auditEventsAfter(t.url, lastEvent);
    expect(events.map((e) => e.action)).toEqual(["sync.completed"]);
  });

  it("generation 3 without three keys marks exactly those three gone, audited, chain intact", async () => {
    const removed = [ids[4]!, ids[11]!, ids[27]!];
    const lastEvent = await lastAuditId(t.url);
    const summary = await run(ids.filter((id) => !removed.includes(id)));
    expect(summary.status).toBe("succeeded");
    expect(summary.counts.credential).toMatchObject({ gone: 3, unchanged: N - 3, added: 0 });
    expect(summary.counts.edge).toMatchObject({ gone: 3 });

    const gone = await query<{ external_id: string }>(t.url, `SELECT external_id FROM credentials WHERE gone_since IS NOT NULL ORDER BY 1`);
    expect(gone.map((g) => g.external_id)).toEqual(removed);
    const events = await auditEventsAfter(t.url, lastEvent);
    expect(idsIn(events, "inventory.gone", "credential").sort()).toEqual(removed);
    expect(idsIn(events, "inventory.gone", "edge").sort()).toEqual(removed.map((id) => `toy.user/${ownerOf(id)} -> toy.key/${id}`).sort());
    expect(await verifyAuditChain(t.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true });
  });

  it("a record seen again after being gone returns: gone_since cleared, audited as returned", async () => {
    const lastEvent = await lastAuditId(t.url);
    const summary = await run(ids);
    expect(summary.counts.credential).toMatchObject({ returned: 3, gone: 0, added: 0 });
    const gone = await query(t.url, `SELECT external_id FROM credentials WHERE gone_since IS NOT NULL`);
    expect(gone).toEqual([]);
    const events = await auditEventsAfter(t.url, lastEvent);
    expect(idsIn(events, "inventory.returned", "credential").sort()).toEqual([ids[4], ids[11], ids[27]]);
    expect(idsIn(events, "inventory.discovered", "credential")).toEqual([]);
  });

  it("a stream failing on page 3 retires nothing and merges nothing of that unit", async () => {
    const before = await inventoryVersions(t.url);
    const items = keyItems(ids.slice(0, 20)); // would retire ten keys
    items[0] = [key(ids[0]!, ownerOf(ids[0]!), { status: "revoked" })]; // would change one
    const summary = await executeRun(runOptions(t.url, sourceId, TEST_AUDIT_KEY), [
      unitOf(keysStream, paged(items, 7), { failAtPage: 3 }),
    ]);
    expect(summary.status).toBe("failed");
    expect(summary.errors).toEqual([expect.objectContaining({ stream: "keys", page: 3, reason: expect.stringContaining("page 3 failed") })]);
    expect(await inventoryVersions(t.url)).toEqual(before);
    const [run_] = await query<{ status: string; errors: unknown[] }>(t.url, `SELECT status, errors FROM sync_runs WHERE id = $1`, [summary.runId]);
    expect(run_?.status).toBe("failed");
  });

  it("reports a denied listing as a coverage gap and loads the other units (partial)", async () => {
    const summary = await executeRun(runOptions(t.url, sourceId, TEST_AUDIT_KEY), [
      unitOf(usersStream, [userItems]),
      unitOf(keysStream, [keyItems(ids.slice(0, 5))], { failAtPage: 1, error: new HttpError(403, "GET", "https://toy.example/keys") }),
    ]);
    expect(summary.status).toBe("partial");
    expect(summary.coverageGaps).toEqual([expect.objectContaining({ scope: "toy-account", stream: "keys", reason: "permission_denied" })]);
    expect(summary.counts.credential).toBeUndefined();
    const gone = await query(t.url, `SELECT id FROM credentials WHERE gone_since IS NOT NULL`);
    expect(gone).toEqual([]);
  });
});
