/*
 * `npm run bench:web [-- --credentials N] [--runs R] [--no-findings] [--keep]`: the web pages'
 * queries over a generated inventory of N credentials and 5N edges (default N = 1,000,000,
 * PRODUCT.md "Scale"), timed as the page calls them (no EXPLAIN ANALYZE): R runs each (≥ 200),
 * p50 / p95 / max in milliseconds. Seeds a fresh database on the test server with the policy
 * benchmark's generators (lib/policy/testing/bench-inventory.ts), evaluates the policies so rows
 * have findings, and drops the database afterwards (`--keep` keeps it for EXPLAIN).
 *
 * To measure another page, add an entry to MEASUREMENTS: a name and a function of the seeded
 * database that runs one request's queries.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import type { Caller } from "@/lib/auth/session-context";
import { createPrismaClient, type Db } from "@/lib/db";
import { queryInventory } from "@/lib/inventory/inventory-query";
import { parseInventoryState, type InventoryCursor } from "@/lib/inventory/inventory-url";
import { runMigrations } from "@/lib/migrate/run-migrations";
import { evaluatePolicies } from "@/lib/policy/evaluate";
import { benchGenerators, benchSizes } from "@/lib/policy/testing/bench-inventory";
import { startTestServer } from "@/test/support/database-server";

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

/** What a measurement may use: the seeded database and values sampled from it. */
type BenchContext = { db: Db; client: pg.Client; deepCursors: InventoryCursor[] };
type Measurement = { name: string; run: (ctx: BenchContext, iteration: number) => Promise<unknown> };

const analyst: Caller = { type: "user", userId: null, email: "bench@example.com", name: null, role: "analyst", sessionId: null };
const inventory = (query: string, extra: Partial<ReturnType<typeof parseInventoryState>> = {}) => (ctx: BenchContext) =>
  queryInventory(analyst, { ...parseInventoryState(new URLSearchParams(query)), ...extra }, { db: ctx.db });

/** The extension point: dashboard and blast-radius measurements go here. */
const MEASUREMENTS: Measurement[] = [
  { name: "inventory: first page (credentials by name)", run: inventory("") },
  { name: "inventory: filtered + sorted (certificates, soonest expiry)", run: inventory("type=certificate&sort=expires") },
  { name: "inventory: filtered + sorted (prod identities, latest activity)", run: inventory("kind=identities&env=prod&sort=lastActivity&dir=desc") },
  {
    name: "inventory: deep page (keyset after a random row)",
    run: (ctx, i) => inventory("", { after: ctx.deepCursors[i % ctx.deepCursors.length]! })(ctx),
  },
  { name: "inventory: search (q=credential-12345)", run: inventory("q=credential-12345") },
  { name: "inventory: unowned identities", run: inventory("kind=identities&owner=none") },
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function measure(measurement: Measurement, ctx: BenchContext): Promise<void> {
  // Warm-up: the first calls pay for plan caching and cold pages, not what a user sees all day.
  for (let i = 0; i < 5; i += 1) await measurement.run(ctx, i);
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await measurement.run(ctx, i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const ms = (value: number) => value.toFixed(2).padStart(8);
  console.log(`${measurement.name.padEnd(66)} ${ms(percentile(times, 50))} ${ms(percentile(times, 95))} ${ms(times[times.length - 1]!)}`);
}

async function seed(client: pg.Client): Promise<void> {
  const sizes = benchSizes(credentials / 1_000_000);
  console.log(`seeding ${sizes.credentials} credentials, ${sizes.edges} edges, ${sizes.identities} identities, ${sizes.people} people`);
  const started = performance.now();
  for (const [table, sql] of benchGenerators(sizes)) {
    await client.query(sql);
    console.log(`  ${table} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  if (withFindings) {
    await evaluatePolicies(client, { actor: { type: "system", label: "bench" }, auditKey: randomBytes(32) });
    console.log(`  findings (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  await client.query("VACUUM ANALYZE");
}

/** Rows to continue after, anywhere in the list (a sample of the table, not its first pages). */
async function sampleCursors(client: pg.Client): Promise<InventoryCursor[]> {
  const { rows } = await client.query<{ key: string; id: string }>(
    "SELECT name AS key, id::text FROM credentials TABLESAMPLE SYSTEM (5) WHERE gone_since IS NULL ORDER BY random() LIMIT 200",
  );
  return rows.map((row) => ({ key: row.key, id: row.id }));
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
  try {
    await runMigrations(url, { dir: path.resolve(import.meta.dirname, "../prisma/migrations") });
    await client.connect();
    await seed(client);
    const ctx: BenchContext = { db, client, deepCursors: await sampleCursors(client) };
    console.log(`\n${runs} runs each, milliseconds as the page sees them (page and capped count)`);
    console.log(`${"".padEnd(66)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"max".padStart(8)}`);
    for (const measurement of MEASUREMENTS) await measure(measurement, ctx);
  } finally {
    await db.$disconnect();
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
