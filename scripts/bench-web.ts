/*
 * `npm run bench:web [-- --credentials N] [--runs R] [--no-findings] [--no-http] [--keep]`: the web
 * pages' queries over a generated inventory of N credentials and 5N edges (default N = 1,000,000,
 * PRODUCT.md "Scale"), timed as the page calls them (no EXPLAIN ANALYZE): R runs each (≥ 200),
 * p50 / p95 / max in milliseconds. Seeds a fresh database on the test server with the policy
 * benchmark's generators (lib/policy/testing/bench-inventory.ts), analyses the tables, evaluates the
 * policies so rows have findings, refreshes the identities' owners, the dashboard rollup and the
 * search's trigram shares as a load would, and drops the database afterwards (`--keep` keeps it for
 * EXPLAIN). Each data-layer call is timed twice: as the page waits for it, and in the database (R more
 * runs from other sampled rows and starts, the server's planning + execution time of each statement it
 * sends: scripts/bench-server-time.ts). Then, unless `--no-http`, the same pages through the production
 * server (`npm run build` first): whole responses as a signed-in analyst waits.
 *
 * To measure another page, add an entry to MEASUREMENTS: a name and a function of the seeded
 * database that runs one request's queries.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import type { Caller } from "@/lib/auth/session-context";
import { createPrismaClient, type Db } from "@/lib/db";
import { DEFAULT_DEPTH, DEFAULT_MAX_NODES, WALK_TIMEOUT_MS } from "@/lib/inventory/blast-radius";
import { blastRadius } from "@/lib/inventory/blast-radius-query";
import { readDashboard, refreshDashboardRollup } from "@/lib/inventory/dashboard-rollup";
import { queryInventory } from "@/lib/inventory/inventory-query";
import { refreshSearchTrigrams } from "@/lib/inventory/search-trigrams";
import { parseInventoryState, type InventoryCursor } from "@/lib/inventory/inventory-url";
import { runMigrations } from "@/lib/migrate/run-migrations";
import { evaluatePolicies } from "@/lib/policy/evaluate";
import { benchGenerators, benchSizes } from "@/lib/policy/testing/bench-inventory";
import { startTestServer } from "@/test/support/database-server";
import { pgServerTimed, prismaServerTimed, type ServerTimeSink } from "./bench-server-time";
import { startBenchServer, type BenchServer } from "./bench-web-http";

function arg(name: string, fallback: number, min: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
  return value;
}

const credentials = arg("credentials", 1_000_000, 1_000);
const runs = arg("runs", 200, 200);
const keep = process.argv.includes("--keep");
const withFindings = !process.argv.includes("--no-findings");
const withHttp = !process.argv.includes("--no-http");
const HTTP_PORT = 3190;

/**
 * What a measurement may use: the seeded database (Prisma, as the pages query; a read-pool client,
 * as the blast radius walks) and values sampled from it.
 */
type BenchContext = {
  db: Db;
  withClient: <T>(fn: (client: pg.ClientBase) => Promise<T>) => Promise<T>;
  client: pg.Client;
  deepCursors: InventoryCursor[];
  starts: string[];
  hub: string;
  server: BenchServer | null;
};
/** `serverTimed: false`: the call reaches the database some other way than ctx (the dashboard's own client). */
type Measurement = { name: string; run: (ctx: BenchContext, iteration: number) => Promise<unknown>; serverTimed?: false };

const analyst: Caller = { type: "user", userId: null, email: "bench@example.com", name: null, role: "analyst", sessionId: null };
const inventory = (query: string, extra: Partial<ReturnType<typeof parseInventoryState>> = {}) => (ctx: BenchContext) =>
  queryInventory(analyst, { ...parseInventoryState(new URLSearchParams(query)), ...extra }, { db: ctx.db });

// As lib/inventory/blast-radius.ts walks: on a client of the app's read pool.
const walk = (start: (ctx: BenchContext, i: number) => string) => (ctx: BenchContext, i: number) =>
  ctx.withClient((client) => blastRadius(client, start(ctx, i), { maxDepth: DEFAULT_DEPTH, maxNodes: DEFAULT_MAX_NODES, timeoutMs: WALK_TIMEOUT_MS }));
const http = (path: (ctx: BenchContext, i: number) => string) => (ctx: BenchContext, i: number) => ctx.server!.get(path(ctx, i));
const randomStart = (ctx: BenchContext, i: number) => ctx.starts[i % ctx.starts.length]!;
/** A sampled credential's name (the deep-page cursors are sampled rows), URL-encoded: a search for one row. */
const randomName = (ctx: BenchContext, i: number) => encodeURIComponent(ctx.deepCursors[i % ctx.deepCursors.length]!.key ?? "");

/**
 * Each timed pass over a measurement (as the page waits, in the database, through HTTP) takes its
 * own slice of the sampled rows and starts, so no pass meets pages an earlier pass warmed.
 */
const WARM_UP = 5;
const PASSES = 3;
const perPass = runs + WARM_UP;

/** The extension point: a name and one request's queries (or one HTTP request). */
const MEASUREMENTS: Measurement[] = [
  { name: "inventory: first page (credentials by name)", run: inventory("") },
  { name: "inventory: filtered + sorted (certificates, soonest expiry)", run: inventory("type=certificate&sort=expires") },
  { name: "inventory: filtered + sorted (prod identities, latest activity)", run: inventory("kind=identities&env=prod&sort=lastActivity&dir=desc") },
  {
    name: "inventory: deep page (keyset after a random row)",
    run: (ctx, i) => inventory("", { after: ctx.deepCursors[i % ctx.deepCursors.length]! })(ctx),
  },
  { name: "inventory: search (q=credential-12345)", run: inventory("q=credential-12345") },
  {
    name: "inventory: search for a random row's name",
    run: (ctx, i) => inventory(`q=${randomName(ctx, i)}`)(ctx),
  },
  { name: "inventory: unowned identities", run: inventory("kind=identities&owner=none") },
  { name: "dashboard: rollup + open findings + trend (readDashboard)", run: () => readDashboard(analyst), serverTimed: false },
  { name: `blast radius: random identity (depth ${DEFAULT_DEPTH}, ≤ ${DEFAULT_MAX_NODES} nodes)`, run: walk(randomStart) },
  { name: "blast radius: largest hub (same caps, timeout)", run: walk((ctx) => ctx.hub) },
];

/** Whole server responses through the production server, signed in as an analyst. */
const HTTP_MEASUREMENTS: Measurement[] = [
  { name: "HTTP GET /inventory (first page, HTML)", run: http(() => "/inventory") },
  { name: "HTTP GET /inventory?type=certificate&sort=expires", run: http(() => "/inventory?type=certificate&sort=expires") },
  { name: "HTTP GET /inventory?q=<a random row's name>", run: http((ctx, i) => `/inventory?q=${randomName(ctx, i)}`) },
  { name: "HTTP GET / (dashboard, HTML)", run: http(() => "/") },
  { name: "HTTP GET /api/v1/blast-radius (random identity)", run: http((ctx, i) => `/api/v1/blast-radius?start=${randomStart(ctx, i)}`) },
  { name: "HTTP GET /api/v1/blast-radius (largest hub)", run: http((ctx) => `/api/v1/blast-radius?start=${ctx.hub}`) },
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (value: number) => value.toFixed(2).padStart(8);

/** Pass `pass` runs iterations pass × perPass onwards: its own samples (see PASSES). */
async function timeRuns(pass: number, run: (i: number) => Promise<number>): Promise<number[]> {
  const first = pass * perPass;
  // Warm-up: the first calls pay for plan caching and connecting, not what a user sees all day.
  for (let i = 0; i < WARM_UP; i += 1) await run(first + i);
  const times: number[] = [];
  for (let i = WARM_UP; i < perPass; i += 1) times.push(await run(first + i));
  return times.sort((a, b) => a - b);
}

/** As the caller waits (p50 / p95 / max), then in the database (p50 / p95) where the call can be followed there. */
async function measure(measurement: Measurement, ctx: BenchContext, pass: "in-process" | "http"): Promise<void> {
  const withServerTime = pass === "in-process";
  const waited = await timeRuns(withServerTime ? 0 : 2, async (i) => {
    const started = performance.now();
    await measurement.run(ctx, i);
    return performance.now() - started;
  });
  let line = `${measurement.name.padEnd(66)} ${ms(percentile(waited, 50))} ${ms(percentile(waited, 95))} ${ms(waited[waited.length - 1]!)}`;
  if (withServerTime && measurement.serverTimed !== false) {
    const inDatabase = await timeRuns(1, async (i) => {
      const sink: ServerTimeSink = { ms: 0 };
      const timed: BenchContext = { ...ctx, db: prismaServerTimed(ctx.db, sink), withClient: (fn) => ctx.withClient((client) => fn(pgServerTimed(client, sink))) };
      await measurement.run(timed, i);
      return sink.ms;
    });
    line += ` ${ms(percentile(inDatabase, 50))} ${ms(percentile(inDatabase, 95))}`;
  }
  console.log(line);
}

async function seed(client: pg.Client): Promise<void> {
  const sizes = benchSizes(credentials / 1_000_000);
  console.log(`seeding ${sizes.credentials} credentials, ${sizes.edges} edges, ${sizes.identities} identities, ${sizes.people} people`);
  const started = performance.now();
  for (const [table, sql] of benchGenerators(sizes)) {
    await client.query(sql);
    console.log(`  ${table} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  // What a sync does after merging this many rows (lib/sync/merge-unit.ts): without statistics the
  // first evaluation's plans take minutes instead of seconds (11.3 min against 1.5 on 5 Dec).
  await client.query("ANALYZE");
  // What every load does first (lib/policy/evaluate-after-load.ts): the inventory reads each identity's stored owner.
  await client.query("SELECT refresh_identity_owners(NULL)");
  console.log(`  identity owners (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  if (withFindings) {
    await evaluatePolicies(client, { actor: { type: "system", label: "bench" }, auditKey: randomBytes(32) });
    console.log(`  findings (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  await refreshDashboardRollup(client);
  await refreshSearchTrigrams(client);
  console.log(`  dashboard rollup and search trigrams (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  await client.query("VACUUM ANALYZE");
}

/** Rows to continue after, anywhere in the list (a sample of the table, not its first pages). */
async function sampleCursors(client: pg.Client): Promise<InventoryCursor[]> {
  const { rows } = await client.query<{ key: string; id: string }>(
    "SELECT name AS key, id::text FROM credentials TABLESAMPLE SYSTEM (5) WHERE gone_since IS NULL ORDER BY random() LIMIT $1",
    [PASSES * perPass],
  );
  return rows.map((row) => ({ key: row.key, id: row.id }));
}

/** Random identities to walk from (a slice per pass), and the node with the most outgoing edges. */
async function sampleStarts(client: pg.Client): Promise<{ starts: string[]; hub: string }> {
  const { rows } = await client.query<{ id: string }>(
    "SELECT id::text FROM identities TABLESAMPLE SYSTEM (5) WHERE gone_since IS NULL ORDER BY random() LIMIT $1",
    [PASSES * perPass],
  );
  const [hub] = (await client.query<{ id: string; n: string }>(
    "SELECT from_id::text AS id, count(*) AS n FROM edges WHERE from_id IS NOT NULL GROUP BY from_id ORDER BY count(*) DESC LIMIT 1",
  )).rows;
  console.log(`largest hub: ${hub!.id} (${hub!.n} outgoing edges)`);
  return { starts: rows.map((r) => r.id), hub: hub!.id };
}

async function main(): Promise<void> {
  const server = await startTestServer();
  const name = `kw_bench_web_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = Object.assign(new URL(server.adminUrl), { pathname: `/${name}` }).toString();
  const client = new pg.Client({ connectionString: url });
  const db = createPrismaClient(url);
  // The app's read pool (lib/db withReadClient), one the benchmark can close before dropping the database.
  const readPool = new pg.Pool({ connectionString: url, max: 4 });
  const withClient = async <T>(fn: (client: pg.ClientBase) => Promise<T>) => {
    const borrowed = await readPool.connect();
    try {
      return await fn(borrowed);
    } finally {
      borrowed.release();
    }
  };
  // readDashboard (like every page's data layer) uses the process's database.
  process.env.DATABASE_URL = url;
  let webServer: BenchServer | null = null;
  try {
    await runMigrations(url, { dir: path.resolve(import.meta.dirname, "../prisma/migrations") });
    await client.connect();
    await seed(client);
    const ctx: BenchContext = {
      db, withClient, client, deepCursors: await sampleCursors(client), ...(await sampleStarts(client)), server: null,
    };
    console.log(`\n${runs} runs each, milliseconds: as the page waits for the call (page with its capped count), then in the database`);
    console.log(`${"".padEnd(66)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"max".padStart(8)} ${"db p50".padStart(8)} ${"db p95".padStart(8)}`);
    for (const measurement of MEASUREMENTS) await measure(measurement, ctx, "in-process");
    if (withHttp) {
      webServer = ctx.server = await startBenchServer(url, HTTP_PORT);
      console.log(`\n${runs} runs each through the production server (whole response, milliseconds)`);
      for (const measurement of HTTP_MEASUREMENTS) await measure(measurement, ctx, "http");
      const js = await webServer.pageJavaScript("/inventory");
      console.log(`\n/inventory loads ${js.files} JavaScript files: ${(js.bytes / 1024).toFixed(0)} kB, ${(js.gzipBytes / 1024).toFixed(0)} kB gzipped`);
    }
  } finally {
    await webServer?.stop();
    await db.$disconnect();
    await readPool.end();
    await client.end().catch(() => undefined);
    if (keep) console.log(`kept database ${name} at ${url}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
