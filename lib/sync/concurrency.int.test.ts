import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRun } from "@/lib/sync/execute-run";
import { SyncBusyError } from "@/lib/sync/errors";
import { createSource, inventoryVersions, query, runOptions } from "@/lib/sync/testing/run-fixtures";
import { hasKey, key, keysStream, unitOf } from "@/lib/sync/testing/toy-connector";
import type { WorkUnit } from "@/lib/sync/types";
import { createTestDatabase, TEST_AUDIT_KEY, type TestDatabase } from "@/test/support/test-database";

const ROOT = path.resolve(import.meta.dirname, "../..");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A unit whose single page waits for `gate` and tracks how many units run at once. */
function gatedUnit(gate: Promise<unknown>, active: { now: number; max: number }): WorkUnit {
  async function* pages() {
    active.now += 1;
    active.max = Math.max(active.max, active.now);
    try {
      await gate;
      yield [[key("k1", "owner-bot"), hasKey("owner-bot", "k1")]];
    } finally {
      active.now -= 1;
    }
  }
  return { ...unitOf(keysStream, []), pages: pages() };
}

describe("one sync per source", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it("ten simultaneous syncs with lockMode wait run one after another", async () => {
    const sourceId = await createSource(t.url);
    const active = { now: 0, max: 0 };
    const runs = Array.from({ length: 10 }, () =>
      executeRun(runOptions(t.url, sourceId, TEST_AUDIT_KEY, { lockMode: "wait" }), [gatedUnit(sleep(30), active)]),
    );
    const summaries = await Promise.all(runs);
    expect(summaries.map((s) => s.status)).toEqual(Array(10).fill("succeeded"));
    expect(active.max).toBe(1);
    expect(summaries.map((s) => s.generation).sort((a, b) => Number(a - b))).toEqual(Array.from({ length: 10 }, (_, i) => BigInt(i + 1)));
    const rows = await query<{ started_at: Date; finished_at: Date }>(
      t.url,
      `SELECT started_at, finished_at FROM sync_runs WHERE source_id = $1 ORDER BY generation`,
      [sourceId],
    );
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.started_at.getTime()).toBeGreaterThanOrEqual(rows[i - 1]!.finished_at.getTime());
    expect(await query(t.url, `SELECT external_id FROM credentials WHERE source_id = $1`, [sourceId])).toHaveLength(1);
  });

  it("with lockMode fail exactly one runs and nine are refused with SYNC_BUSY", async () => {
    const sourceId = await createSource(t.url);
    const active = { now: 0, max: 0 };
    let refused = 0;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const safety = setTimeout(() => open(), 10_000);
    const runs = Array.from({ length: 10 }, () =>
      executeRun(runOptions(t.url, sourceId, TEST_AUDIT_KEY, { lockMode: "fail" }), [gatedUnit(gate, active)]).catch((error: unknown) => {
        if (++refused === 9) open(); // the winner holds the lock until every other call was refused
        throw error;
      }),
    );
    const results = await Promise.allSettled(runs);
    clearTimeout(safety);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(9);
    for (const error of rejected) {
      expect(error).toBeInstanceOf(SyncBusyError);
      expect(error).toMatchObject({ code: "SYNC_BUSY" });
    }
    expect(await query(t.url, `SELECT id FROM sync_runs WHERE source_id = $1`, [sourceId])).toHaveLength(1);
  });

  it("a sync process killed mid-run leaves the inventory unchanged; the next sync converges", async () => {
    const sourceId = await createSource(t.url);
    const first = Array.from({ length: 30 }, (_, i) => [key(`s${i}`, "owner-bot"), hasKey("owner-bot", `s${i}`)]);
    await executeRun(runOptions(t.url, sourceId, TEST_AUDIT_KEY), [unitOf(keysStream, [first])]);
    const before = await inventoryVersions(t.url);

    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "lib/sync/testing/slow-sync-child.ts", t.url, sourceId, "400"],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json") } },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    // Kill it once it has staged a good part of its unit (progress is reported after staging).
    await new Promise<void>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const staged = out.split("\n").filter(Boolean).map((line) => (line === "finished" ? Infinity : (JSON.parse(line) as { items: number }).items));
        if (staged.some((items) => items === Infinity)) reject(new Error("the child finished before it could be killed"));
        else if (staged.some((items) => items >= 60)) resolve();
      });
      child.on("exit", () => reject(new Error(`the child exited early: ${stderr.slice(0, 500)}`)));
    });
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    expect(await inventoryVersions(t.url)).toEqual(before);
    const [killed] = await query<{ status: string }>(t.url, `SELECT status FROM sync_runs WHERE source_id = $1 ORDER BY generation DESC LIMIT 1`, [sourceId]);
    expect(killed?.status).toBe("running");

    // PostgreSQL ends the dead session (and its lock and TEMP tables) once it sees the socket close.
    for (let i = 0; i < 100; i++) {
      const sessions = await query(t.url, `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'keyward-sync'`);
      if (sessions.length === 0) break;
      await sleep(50);
    }
    // The lock died with the process ("fail" would refuse otherwise); the next sync converges.
    const all = Array.from({ length: 400 }, (_, i) => [key(`s${i}`, "owner-bot", { status: "inactive" }), hasKey("owner-bot", `s${i}`)]);
    const next = await executeRun(runOptions(t.url, sourceId, TEST_AUDIT_KEY, { lockMode: "fail" }), [unitOf(keysStream, [all])]);
    expect(next.status).toBe("succeeded");
    expect(next.counts.credential).toMatchObject({ added: 370, updated: 30 });
    const dupes = await query(
      t.url,
      `SELECT external_id FROM credentials WHERE source_id = $1 GROUP BY external_id HAVING count(*) > 1`,
      [sourceId],
    );
    expect(dupes).toEqual([]);
    const [counts] = await query<{ credentials: number; edges: number }>(
      t.url,
      `SELECT (SELECT count(*)::int FROM credentials WHERE source_id = $1 AND gone_since IS NULL) AS credentials,
              (SELECT count(*)::int FROM edges WHERE source_id = $1 AND gone_since IS NULL) AS edges`,
      [sourceId],
    );
    expect(counts).toEqual({ credentials: 400, edges: 400 });
    const runs = await query<{ status: string }>(t.url, `SELECT status FROM sync_runs WHERE source_id = $1 ORDER BY generation`, [sourceId]);
    expect(runs.map((r) => r.status)).toEqual(["succeeded", "failed", "succeeded"]);
  }, 60_000);
});
