/*
 * bench:ingest — how fast the sync engine loads, against PostgreSQL's own COPY rate.
 *   npm run bench:ingest -- --n 1000000 [--rounds 3]
 * Each round, on a fresh database of the test PostgreSQL server: (a) a first sync end to end,
 * (b) raw COPY of the same rows into equally indexed bare tables, (c) two re-syncs of unchanged
 * data (rows written must be 0), (d) two re-syncs with 1 % of the credentials changed. Ratios use
 * the medians over all rounds (the machine may be shared: single figures are noisy). Prints
 * figures; asserts nothing about timings (ENGINEERING.md "Tests").
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { runMigrations } from "@/lib/migrate/run-migrations";
import { executeRun } from "@/lib/sync/execute-run";
import { benchRows, benchShape, benchUnits, type BenchShape } from "@/lib/sync/testing/bench-data";
import { RAW_TABLES, rawCopy } from "@/lib/sync/testing/bench-raw-copy";
import { TEST_FINGERPRINT_KEY } from "@/lib/sync/testing/toy-connector";
import type { RunSummary } from "@/lib/sync/types";
import { startTestServer } from "@/test/support/database-server";

const INVENTORY = ["identities", "credentials", "resources", "people", "edges", "teams"];
const AUDIT_KEY = randomBytes(32);
const MIGRATIONS = path.resolve(import.meta.dirname, "../prisma/migrations");

function arg(name: string, fallback: number, min: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
  return value;
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/** Inserted + updated + deleted rows of the inventory tables, from the cumulative statistics. */
async function rowsWritten(client: pg.Client): Promise<number> {
  // A backend's counters reach the shared statistics when its session ends; give it a moment.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await client.query("SELECT pg_stat_clear_snapshot()");
  const { rows } = await client.query<{ n: string }>(
    `SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::text AS n FROM pg_stat_user_tables WHERE relname = ANY($1)`,
    [INVENTORY],
  );
  return Number(rows[0]!.n);
}

async function timedSync(url: string, sourceId: string, shape: BenchShape, variant: 0 | 1): Promise<{ seconds: number; summary: RunSummary }> {
  const started = performance.now();
  const summary = await executeRun(
    { connectionString: url, sourceId, mode: "import", actor: { type: "system", label: "bench" }, fingerprintKey: TEST_FINGERPRINT_KEY, auditKey: AUDIT_KEY, sweep: true },
    benchUnits(shape, variant),
  );
  if (summary.status !== "succeeded") throw new Error(`sync ended ${summary.status}: ${JSON.stringify(summary.errors.slice(0, 3))}`);
  return { seconds: (performance.now() - started) / 1000, summary };
}

type Round = { e2e: number; raw: number; rawCredentials: number; unchanged: number[]; written: number[]; changed: number[] };

async function round(adminUrl: string, shape: BenchShape, label: string): Promise<Round> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const name = `kw_bench_${randomBytes(4).toString("hex")}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  const client = new pg.Client({ connectionString: url });
  const rows = benchRows(shape);
  try {
    await runMigrations(url, { dir: MIGRATIONS });
    await client.connect();
    const { rows: src } = await client.query<{ id: string }>(`INSERT INTO sources (id, provider, name) VALUES (gen_random_uuid(), 'toy', 'bench') RETURNING id`);
    const sourceId = src[0]!.id;
    const result: Round = { e2e: 0, raw: 0, rawCredentials: 0, unchanged: [], written: [], changed: [] };

    await client.query("CHECKPOINT");
    const first = await timedSync(url, sourceId, shape, 0);
    result.e2e = first.seconds;
    console.log(`${label} (a) first sync          ${first.seconds.toFixed(1)} s  ${fmt(rows / first.seconds)} rows/s`);

    await client.query("CHECKPOINT");
    for (const raw of RAW_TABLES) {
      const seconds = await rawCopy(client, raw, shape, sourceId);
      result.raw += seconds;
      if (raw.table === "credentials") result.rawCredentials = seconds;
    }
    console.log(`${label} (b) raw COPY            ${result.raw.toFixed(1)} s  ${fmt(rows / result.raw)} rows/s`);

    // Unchanged, 1 % changed, unchanged again (of the changed state), 1 % changed back.
    for (const [kind, variant] of [["c", 0], ["d", 1], ["c", 1], ["d", 0]] as const) {
      await client.query("CHECKPOINT");
      const before = await rowsWritten(client);
      const sync = await timedSync(url, sourceId, shape, variant);
      const written = (await rowsWritten(client)) - before;
      if (kind === "c") {
        result.unchanged.push(sync.seconds);
        result.written.push(written);
        console.log(`${label} (c) unchanged re-sync   ${sync.seconds.toFixed(1)} s  ${fmt(rows / sync.seconds)} rows/s  rows written: ${written}`);
      } else {
        result.changed.push(sync.seconds);
        console.log(`${label} (d) 1 %-changed re-sync ${sync.seconds.toFixed(1)} s  credentials updated: ${fmt(sync.summary.counts.credential?.updated ?? 0)}, rows written: ${fmt(written)}`);
      }
    }
    return result;
  } finally {
    await client.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

async function main(): Promise<void> {
  const shape = benchShape(arg("n", 100_000, 100));
  const rounds = arg("rounds", 1, 1);
  const rows = benchRows(shape);
  console.log(
    `bench:ingest n=${fmt(shape.n)}: ${fmt(shape.identities)} identities, ${fmt(shape.people)} people, ` +
      `${fmt(shape.n)} credentials, ${fmt(shape.n)} edges = ${fmt(rows)} rows; ${rounds} round(s)`,
  );
  const server = await startTestServer();
  const results: Round[] = [];
  try {
    for (let r = 1; r <= rounds; r++) results.push(await round(server.adminUrl, shape, `[${r}]`));
  } finally {
    await server.stop();
  }
  const e2e = median(results.map((r) => r.e2e));
  const raw = median(results.map((r) => r.raw));
  const unchanged = median(results.flatMap((r) => r.unchanged));
  const changed = median(results.flatMap((r) => r.changed));
  const written = Math.max(...results.flatMap((r) => r.written));
  const e2eRatio = raw / e2e;
  const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
  console.log("");
  console.log(`medians: first sync ${e2e.toFixed(1)} s (${fmt(rows / e2e)} rows/s) · raw COPY ${raw.toFixed(1)} s (${fmt(rows / raw)} rows/s; credentials alone ${fmt(shape.n / median(results.map((r) => r.rawCredentials)))} rows/s)`);
  console.log(`         unchanged ${unchanged.toFixed(1)} s · 1 %-changed ${changed.toFixed(1)} s · most rows written by an unchanged re-sync: ${written}`);
  console.log(`e2e rate / raw COPY rate        ${e2eRatio.toFixed(2)}  (target ≥ 0.50: ${verdict(e2eRatio >= 0.5)}; stretch ≥ 0.80: ${verdict(e2eRatio >= 0.8)})`);
  console.log(`unchanged time / raw COPY time  ${(unchanged / raw).toFixed(2)}  (target ≤ 0.60 with 0 rows written: ${verdict(unchanged / raw <= 0.6 && written === 0)})`);
  console.log(`1%-changed / unchanged time     ${(changed / unchanged).toFixed(2)}  (target ≤ 1.15: ${verdict(changed / unchanged <= 1.15)})`);
}

main().catch((error) => {
  console.error(`bench:ingest failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
