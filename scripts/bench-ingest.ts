/*
 * bench:ingest — how fast the sync engine loads, against PostgreSQL's own COPY rate.
 *   npm run bench:ingest -- --n 1000000
 * On a fresh database of the test PostgreSQL server, in one run: (a) a first sync end to end,
 * (b) raw COPY of the same rows into equally indexed bare tables, (c) a re-sync of unchanged
 * data (rows written must be 0), (d) a re-sync with 1 % of the credentials changed.
 * Prints figures and ratios; it asserts nothing about timings (ENGINEERING.md "Tests").
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

function argN(): number {
  const at = process.argv.indexOf("--n");
  const n = at >= 0 ? Number(process.argv[at + 1]) : 100_000;
  if (!Number.isInteger(n) || n < 100) throw new Error("--n must be an integer ≥ 100");
  return n;
}

async function rowsWritten(client: pg.Client): Promise<number> {
  // Another backend's counters reach the shared statistics when it ends; give it a moment.
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
  return { seconds: (performance.now() - started) / 1000, summary };
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

async function main(): Promise<void> {
  const shape = benchShape(argN());
  const rows = benchRows(shape);
  const server = await startTestServer();
  const name = `kw_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = Object.assign(new URL(server.adminUrl), { pathname: `/${name}` }).toString();
  const client = new pg.Client({ connectionString: url });
  try {
    await runMigrations(url, { dir: path.resolve(import.meta.dirname, "../prisma/migrations") });
    await client.connect();
    const { rows: src } = await client.query<{ id: string }>(`INSERT INTO sources (id, provider, name) VALUES (gen_random_uuid(), 'toy', 'bench') RETURNING id`);
    const sourceId = src[0]!.id;
    console.log(`bench:ingest n=${fmt(shape.n)}: ${fmt(shape.identities)} identities, ${fmt(shape.people)} people, ${fmt(shape.n)} credentials, ${fmt(shape.n)} edges = ${fmt(rows)} rows`);

    await client.query("CHECKPOINT");
    const first = await timedSync(url, sourceId, shape, 0);
    console.log(`(a) end-to-end first sync   ${first.seconds.toFixed(1)} s  ${fmt(rows / first.seconds)} rows/s  [${first.summary.status}]`);

    await client.query("CHECKPOINT");
    let rawSeconds = 0;
    let credentialSeconds = 0;
    for (const raw of RAW_TABLES) {
      const seconds = await rawCopy(client, raw, shape, sourceId);
      rawSeconds += seconds;
      if (raw.table === "credentials") credentialSeconds = seconds;
      console.log(`(b) raw COPY ${raw.table.padEnd(12)} ${seconds.toFixed(1)} s  ${fmt(raw.count(shape) / seconds)} rows/s`);
    }
    console.log(`(b) raw COPY all rows        ${rawSeconds.toFixed(1)} s  ${fmt(rows / rawSeconds)} rows/s`);

    await client.query("CHECKPOINT");
    const before = await rowsWritten(client);
    const unchanged = await timedSync(url, sourceId, shape, 0);
    const written = (await rowsWritten(client)) - before;
    console.log(`(c) unchanged re-sync        ${unchanged.seconds.toFixed(1)} s  ${fmt(rows / unchanged.seconds)} rows/s  rows written: ${written}  [${unchanged.summary.status}]`);

    await client.query("CHECKPOINT");
    const changed = await timedSync(url, sourceId, shape, 1);
    console.log(`(d) 1 %-changed re-sync      ${changed.seconds.toFixed(1)} s  updated ${fmt(changed.summary.counts.credential?.updated ?? 0)} credentials  [${changed.summary.status}]`);

    const e2eRatio = rows / first.seconds / (rows / rawSeconds);
    const unchangedRatio = unchanged.seconds / rawSeconds;
    const changedRatio = changed.seconds / unchanged.seconds;
    const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
    console.log("");
    console.log(`e2e rate / raw COPY rate        ${e2eRatio.toFixed(2)}  (target ≥ 0.50, stretch ≥ 0.80: ${verdict(e2eRatio >= 0.5)}${e2eRatio >= 0.8 ? ", stretch met" : ""})`);
    console.log(`unchanged time / raw COPY time  ${unchangedRatio.toFixed(2)}  (target ≤ 0.60 with 0 rows written: ${verdict(unchangedRatio <= 0.6 && written === 0)})`);
    console.log(`1%-changed / unchanged time     ${changedRatio.toFixed(2)}  (target ≤ 1.15: ${verdict(changedRatio <= 1.15)})`);
    console.log(`(credentials alone: raw COPY ${fmt(shape.n / credentialSeconds)} rows/s)`);
  } finally {
    await client.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(`bench:ingest failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
