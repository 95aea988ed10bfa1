import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUEUES } from "@/lib/jobs/queues";
import { liveSyncRunner, NoLiveConnectorError } from "@/lib/jobs/sync-handler";
import { enqueueSync } from "@/lib/jobs/sync-queue";
import { enqueueDueSyncs } from "@/lib/jobs/sync-schedule";
import { startWorker, type Worker } from "@/lib/jobs/worker";
import type { SyncJobData } from "@/lib/jobs/sync-queue";
import { createSource, query } from "@/lib/sync/testing/run-fixtures";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await sleep(100);
  }
}

describe("the sync queue", () => {
  let t: TestDatabase;
  const workers: Worker[] = [];
  /** Every sync the fake runner ran: source, start, end. */
  const ran: { sourceId: string; start: number; end: number }[] = [];
  const active = new Map<string, number>();
  let maxActivePerSource = 0;
  let failNext = new Set<string>();

  const fakeSync = async ({ sourceId }: SyncJobData) => {
    const now = (active.get(sourceId) ?? 0) + 1;
    active.set(sourceId, now);
    maxActivePerSource = Math.max(maxActivePerSource, now);
    const start = Date.now();
    try {
      await sleep(700);
      if (failNext.delete(sourceId)) throw new Error("transient failure");
    } finally {
      active.set(sourceId, (active.get(sourceId) ?? 1) - 1);
    }
    ran.push({ sourceId, start, end: Date.now() });
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    // Two workers: a second sync of one source could only overlap across workers.
    for (let i = 0; i < 2; i++) {
      workers.push(
        await startWorker(t.url, () => undefined, {
          runSync: fakeSync,
          pollingIntervalSeconds: 0.5,
          syncQueue: { retryDelay: 1 },
          schedule: false,
          db: t.db,
        }),
      );
    }
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await t.drop();
  });

  it("runs one sync per source at a time; a request while one runs queues one follow-up", async () => {
    const boss = workers[0]!.boss;
    const [a, b] = [await createSource(t.url), await createSource(t.url)];
    expect(await enqueueSync(boss, a)).toEqual(expect.any(String));
    expect(await enqueueSync(boss, b)).toEqual(expect.any(String));
    await until(() => (active.get(a) ?? 0) === 1);
    const second = await enqueueSync(boss, a); // queued behind the active one
    const third = await enqueueSync(boss, a); // absorbed by the queued one
    expect(second).toEqual(expect.any(String));
    expect(third).toBeNull();

    await until(() => ran.filter((r) => r.sourceId === a).length === 2 && ran.some((r) => r.sourceId === b));
    const runsOfA = ran.filter((r) => r.sourceId === a);
    expect(runsOfA[1]!.start).toBeGreaterThanOrEqual(runsOfA[0]!.end);
    expect(maxActivePerSource).toBe(1);
    // Different sources do run side by side.
    const runOfB = ran.find((r) => r.sourceId === b)!;
    expect(runOfB.start).toBeLessThan(runsOfA[0]!.end);
  }, 30_000);

  it("retries a failed sync with backoff", async () => {
    const boss = workers[0]!.boss;
    const sourceId = await createSource(t.url);
    failNext = new Set([sourceId]);
    const jobId = await enqueueSync(boss, sourceId);
    await until(async () => (await boss.getJobById(QUEUES.sync, jobId!))?.state === "completed");
    expect(ran.filter((r) => r.sourceId === sourceId)).toHaveLength(1); // the failed attempt did not finish
    const done = await boss.getJobById(QUEUES.sync, jobId!);
    expect(done).toMatchObject({ state: "completed", retryCount: 1, retryBackoff: true });
  }, 30_000);

  it("enqueues each source's scheduled sync once per cron occurrence", async () => {
    const boss = workers[0]!.boss;
    const due = await createSource(t.url);
    const notYet = await createSource(t.url);
    const broken = await createSource(t.url);
    await query(t.url, `UPDATE sources SET schedule = '*/5 * * * *', created_at = '2026-01-01T09:00:00Z' WHERE id = $1`, [due]);
    await query(t.url, `UPDATE sources SET schedule = '0 0 1 1 *', created_at = '2026-01-01T09:00:00Z' WHERE id = $1`, [notYet]);
    await query(t.url, `UPDATE sources SET schedule = 'every tuesday' WHERE id = $1`, [broken]);

    const first = await enqueueDueSyncs(boss, new Date("2026-01-01T09:07:00Z"));
    expect(first.enqueued).toEqual([due]);
    expect(first.invalid).toEqual([{ sourceId: broken, reason: expect.stringContaining("every tuesday") }]);
    expect((await enqueueDueSyncs(boss, new Date("2026-01-01T09:09:59Z"))).enqueued).toEqual([]);
    expect((await enqueueDueSyncs(boss, new Date("2026-01-01T09:10:00Z"))).enqueued).toEqual([due]);
    const [row] = await query<{ last_scheduled_at: Date }>(t.url, `SELECT last_scheduled_at FROM sources WHERE id = $1`, [due]);
    expect(row?.last_scheduled_at.toISOString()).toBe("2026-01-01T09:10:00.000Z");
    await until(() => ran.some((r) => r.sourceId === due));
  }, 30_000);

  it("fails a live sync for a provider without a live connector, naming it", async () => {
    const sourceId = await createSource(t.url, "terraform-files", "terraform");
    const error = await liveSyncRunner(t.url)({ sourceId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoLiveConnectorError);
    expect(error).toMatchObject({ code: "NO_LIVE_CONNECTOR", message: "no live connector for provider terraform" });
  });
});
