import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { approveHeldSweep } from "@/lib/sync/approve-held-sweep";
import { executeRun } from "@/lib/sync/execute-run";
import { auditEventsAfter, createSource, idsIn, inventoryVersions, lastAuditId, query, runOptions } from "@/lib/sync/testing/run-fixtures";
import { hasKey, key, keysStream, paged, unitOf } from "@/lib/sync/testing/toy-connector";
import { createTestDatabase, TEST_AUDIT_KEY, type TestDatabase } from "@/test/support/test-database";

const ADMIN = { type: "user" as const, id: "u-admin", label: "admin@example.com" };
const keyIds = (n: number, prefix = "k") => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, "0")}`);
const items = (ids: string[]) => ids.map((id) => [key(id, "owner-bot"), hasKey("owner-bot", id)]);

describe("held sweeps", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  const sync = (sourceId: string, ids: string[], extra = {}) =>
    executeRun(runOptions(t.url, sourceId, TEST_AUDIT_KEY, extra), [unitOf(keysStream, paged(items(ids), 10))]);
  const goneIds = async (sourceId: string) =>
    (await query<{ external_id: string }>(t.url, `SELECT external_id FROM credentials WHERE source_id = $1 AND gone_since IS NOT NULL ORDER BY 1`, [sourceId])).map((r) => r.external_id);

  it("holds a sweep over the threshold, retires nothing, and retires exactly that on approval", async () => {
    const sourceId = await createSource(t.url);
    const all = keyIds(40);
    await sync(sourceId, all);
    const before = await inventoryVersions(t.url);

    const held = await sync(sourceId, all.slice(0, 20));
    expect(held.status).toBe("held");
    expect(held.held).toEqual({ scope: "toy-account", externalType: "toy.key", wouldRetire: 20, present: 40 });
    expect(held.heldSweeps).toContainEqual(expect.objectContaining({ kind: "edge", externalType: "edge:keys:has_credential", wouldRetire: 20 }));
    expect(held.counts.credential?.gone ?? 0).toBe(0);
    expect(await inventoryVersions(t.url)).toEqual(before);
    const [run] = await query<{ status: string; held_sweep: { threshold: number; entries: unknown[] } }>(
      t.url,
      `SELECT status, held_sweep FROM sync_runs WHERE id = $1`,
      [held.runId],
    );
    expect(run?.status).toBe("held");
    expect(run?.held_sweep.threshold).toBe(0.15);

    const lastEvent = await lastAuditId(t.url);
    const approved = await approveHeldSweep({ connectionString: t.url, runId: held.runId, actor: ADMIN, auditKey: TEST_AUDIT_KEY });
    expect(approved.retired.credential?.gone).toBe(20);
    expect(approved.retired.edge?.gone).toBe(20);
    expect(await goneIds(sourceId)).toEqual(all.slice(20));

    const events = await auditEventsAfter(t.url, lastEvent);
    expect(idsIn(events, "inventory.gone", "credential").sort()).toEqual(all.slice(20));
    const actors = await query<{ actor_label: string }>(t.url, `SELECT DISTINCT actor_label FROM audit_events WHERE id > $1`, [lastEvent]);
    expect(actors).toEqual([{ actor_label: ADMIN.label }]);
    expect(events.at(-1)?.action).toBe("sync.sweep_approved");
    const [after] = await query<{ status: string; held_sweep: { approvedBy: string } }>(t.url, `SELECT status, held_sweep FROM sync_runs WHERE id = $1`, [held.runId]);
    expect(after).toMatchObject({ status: "succeeded", held_sweep: { approvedBy: ADMIN.label } });
    expect(await query(t.url, `SELECT 1 FROM sync_held_retirements WHERE run_id = $1`, [held.runId])).toEqual([]);
    expect(await verifyAuditChain(t.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true });

    await expect(approveHeldSweep({ connectionString: t.url, runId: held.runId, actor: ADMIN, auditKey: TEST_AUDIT_KEY })).rejects.toMatchObject({
      code: "SWEEP_ALREADY_APPROVED",
    });
  });

  it("refuses to approve a run that is not the source's latest", async () => {
    const sourceId = await createSource(t.url);
    const all = keyIds(30);
    await sync(sourceId, all);
    const held = await sync(sourceId, all.slice(0, 10));
    expect(held.status).toBe("held");
    await sync(sourceId, all); // a newer run: everything is back, nothing to retire
    await expect(approveHeldSweep({ connectionString: t.url, runId: held.runId, actor: ADMIN, auditKey: TEST_AUDIT_KEY })).rejects.toMatchObject({
      code: "SWEEP_STALE",
    });
    expect(await goneIds(sourceId)).toEqual([]);
  });

  it("names unknown runs and runs that were not held", async () => {
    const sourceId = await createSource(t.url);
    const done = await sync(sourceId, keyIds(3));
    expect(done.status).toBe("succeeded");
    await expect(approveHeldSweep({ connectionString: t.url, runId: done.runId, actor: ADMIN, auditKey: TEST_AUDIT_KEY })).rejects.toMatchObject({
      code: "SWEEP_NOT_HELD",
    });
    await expect(approveHeldSweep({ connectionString: t.url, runId: randomUUID(), actor: ADMIN, auditKey: TEST_AUDIT_KEY })).rejects.toMatchObject({
      code: "RUN_NOT_FOUND",
    });
  });

  it("sweeps small sets freely (below the minimum) and honours a configured threshold", async () => {
    const small = await createSource(t.url);
    await sync(small, keyIds(5));
    const swept = await sync(small, keyIds(1));
    expect(swept.status).toBe("succeeded");
    expect(await goneIds(small)).toEqual(keyIds(5).slice(1));

    const lenient = await createSource(t.url);
    await sync(lenient, keyIds(40));
    const half = await sync(lenient, keyIds(20), { sweepThreshold: 0.5 });
    expect(half.status).toBe("succeeded");
    expect((await goneIds(lenient)).length).toBe(20);
  });
});
