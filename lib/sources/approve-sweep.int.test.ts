import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import type { Caller } from "@/lib/auth/session-context";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { getInstanceKeys } from "@/lib/runtime/instance-keys";
import { executeRun } from "@/lib/sync/execute-run";
import { createSource, query, runOptions } from "@/lib/sync/testing/run-fixtures";
import { hasKey, key, keysStream, paged, unitOf } from "@/lib/sync/testing/toy-connector";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

/*
 * "Approve sweep" on a source's page: admins only (a test per other role), the run must be this
 * source's, the records the held sweep listed are retired and audited with the admin as actor,
 * and findings and the dashboard follow (evaluateAfterLoad).
 */

let t: TestDatabase;
let approval: typeof import("@/lib/sources/approve-sweep");
const caller = (role: Role): Caller => ({ type: "user", userId: null, email: `${role}@example.com`, name: null, role, sessionId: null });
const keyIds = (n: number) => Array.from({ length: n }, (_, i) => `k${String(i).padStart(3, "0")}`);

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  approval = await import("@/lib/sources/approve-sweep");
});
afterAll(() => t.drop());

const sync = (sourceId: string, ids: string[]) =>
  executeRun(runOptions(t.url, sourceId, getInstanceKeys().auditKey), [unitOf(keysStream, paged(ids.map((id) => [key(id, "owner-bot"), hasKey("owner-bot", id)]), 10))]);
const goneCount = async (sourceId: string) =>
  (await query<{ n: number }>(t.url, `SELECT count(*)::int AS n FROM credentials WHERE source_id = $1 AND gone_since IS NOT NULL`, [sourceId]))[0]!.n;

/** A source whose latest run held a sweep of 20 of its 40 keys (and their 20 edges). */
async function heldRun(): Promise<{ sourceId: string; runId: string }> {
  const sourceId = await createSource(t.url);
  await sync(sourceId, keyIds(40));
  const held = await sync(sourceId, keyIds(20));
  expect(held.status).toBe("held");
  return { sourceId, runId: held.runId };
}

describe("approveSweep", () => {
  it("is refused to every role but admin, and changes nothing", async () => {
    const { sourceId, runId } = await heldRun();
    for (const role of ["analyst", "owner", "auditor"] as const) {
      await expect(approval.approveSweep(caller(role), sourceId, runId, { connectionString: t.url })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await goneCount(sourceId)).toBe(0);
    expect(await query(t.url, `SELECT status FROM sync_runs WHERE id = $1`, [runId])).toEqual([{ status: "held" }]);
  });

  it("names a malformed run id, and a run of another source as not found", async () => {
    const { sourceId, runId } = await heldRun();
    const other = await createSource(t.url);
    const admin = caller("admin");
    await expect(approval.approveSweep(admin, sourceId, "not-a-run", { connectionString: t.url })).rejects.toMatchObject({ code: "INVALID_INPUT", field: "runId" });
    await expect(approval.approveSweep(admin, other, runId, { connectionString: t.url })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(approval.approveSweep(admin, sourceId, randomUUID(), { connectionString: t.url })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await goneCount(sourceId)).toBe(0);
  });

  it("retires exactly the held records for an admin, audited as theirs, and the findings and dashboard follow", async () => {
    const { sourceId, runId } = await heldRun();
    const admin = caller("admin");
    const started = Date.now() - 1000; // the database's clock may lag this process by a little
    const before = (await query<{ id: string }>(t.url, `SELECT coalesce(max(id), 0)::text AS id FROM audit_events`))[0]!.id;

    expect(await approval.approveSweep(admin, sourceId, runId, { connectionString: t.url })).toEqual({ retired: 40 });

    expect(await goneCount(sourceId)).toBe(20);
    const [run] = await query<{ status: string; held_sweep: { approvedBy: string } }>(t.url, `SELECT status, held_sweep FROM sync_runs WHERE id = $1`, [runId]);
    expect(run).toMatchObject({ status: "succeeded", held_sweep: { approvedBy: "admin@example.com" } });
    const approved = await query<{ actor_label: string }>(t.url, `SELECT actor_label FROM audit_events WHERE id > $1 AND action = 'sync.sweep_approved'`, [before]);
    expect(approved).toEqual([{ actor_label: "admin@example.com" }]);
    // evaluateAfterLoad ran: the rollup, computed after the approval, counts what is present now.
    const [rollup] = await query<{ credentials: number; computed_at: Date }>(
      t.url,
      `SELECT (summary->>'credentials')::int AS credentials, computed_at FROM dashboard_rollups WHERE scope = 'all'`,
    );
    const [present] = await query<{ n: number }>(t.url, `SELECT count(*)::int AS n FROM credentials WHERE gone_since IS NULL`);
    expect(rollup?.credentials).toBe(present!.n);
    expect(rollup!.computed_at.getTime()).toBeGreaterThanOrEqual(started);
    expect(await verifyAuditChain(t.db, getInstanceKeys().auditKey)).toMatchObject({ ok: true });

    await expect(approval.approveSweep(admin, sourceId, runId, { connectionString: t.url })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This sweep was already approved.",
    });
  });
});
