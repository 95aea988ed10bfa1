/*
 * `npm run bench:policies`: evaluates every policy rule over a generated inventory of 1,000,000
 * credentials and 5,000,000 edges (PRODUCT.md "Scale"), then evaluates again with nothing changed,
 * and prints seconds and rows written. Runs on the test server (test/support/database-server.ts)
 * in a fresh database it drops afterwards (`--keep` keeps it; BENCH_SCALE=0.1 for a quick run).
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { runMigrations } from "@/lib/migrate/run-migrations";
import { evaluatePolicies, type EvaluationSummary } from "@/lib/policy/evaluate";
import { startTestServer } from "@/test/support/database-server";
import { benchGenerators, benchSizes } from "@/lib/policy/testing/bench-inventory";

const keep = process.argv.includes("--keep");
const sizes = benchSizes(Number(process.env.BENCH_SCALE ?? "1"));
const seconds = (ms: number) => (ms / 1000).toFixed(1);

async function timed<T>(label: string, fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await fn();
  const ms = performance.now() - started;
  console.log(`${label.padEnd(44)} ${seconds(ms).padStart(7)} s`);
  return [result, ms];
}

/** Tuples written to findings and audit_events so far, as PostgreSQL's statistics count them. */
async function writes(client: pg.Client, reader: pg.Client): Promise<number> {
  await client.query("SELECT pg_stat_force_next_flush()");
  await client.query("SELECT 1");
  await reader.query("SELECT pg_stat_clear_snapshot()");
  const { rows } = await reader.query<{ n: string }>(
    "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) AS n FROM pg_stat_user_tables WHERE relname IN ('findings', 'audit_events')",
  );
  return Number(rows[0]!.n);
}

/** Loads with secondary indexes dropped and triggers off, then rebuilds them: minutes, not tens. */
async function load(client: pg.Client): Promise<void> {
  const { rows: indexes } = await client.query<{ indexdef: string; indexname: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
       AND tablename IN ('identities', 'credentials', 'resources', 'people', 'edges') AND indexname NOT LIKE '%_pkey'`,
  );
  for (const index of indexes) await client.query(`DROP INDEX "${index.indexname}"`);
  await client.query("SET session_replication_role = replica");
  for (const [table, sql] of benchGenerators(sizes)) await timed(`  generate ${table}`, () => client.query(sql));
  await client.query("SET session_replication_role = DEFAULT");
  await client.query("SET maintenance_work_mem = '512MB'");
  await timed(`  rebuild ${indexes.length} indexes`, async () => {
    for (const index of indexes) await client.query(index.indexdef);
  });
  await timed("  vacuum analyze", () => client.query("VACUUM ANALYZE"));
}

function report(label: string, summary: EvaluationSummary, ms: number, written: number): void {
  console.log(`\n${label}: ${seconds(ms)} s, ${written} rows written to findings + audit_events`);
  console.log(`  violations ${summary.violations}; opened ${summary.opened}, updated ${summary.updated}, reopened ${summary.reopened}, resolved ${summary.resolved}; audit events ${summary.auditEvents}`);
  console.log(`  lifecycle ${seconds(summary.durationsMs.lifecycle)} s, audit ${seconds(summary.durationsMs.audit)} s`);
  const rules = Object.entries(summary.durationsMs.rules).sort(([, a], [, b]) => b - a);
  for (const [rule, ruleMs] of rules) console.log(`    ${rule.padEnd(26)} ${seconds(ruleMs).padStart(6)} s  ${String(summary.violationsByRule[rule]).padStart(8)} violations`);
}

async function main(): Promise<void> {
  const server = await startTestServer();
  const name = `kw_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server.adminUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  const reader = new pg.Client({ connectionString: url.toString() });
  try {
    await runMigrations(url.toString(), { dir: path.resolve(import.meta.dirname, "../prisma/migrations") });
    await Promise.all([client.connect(), reader.connect()]);
    console.log(`database ${name}: ${sizes.credentials} credentials, ${sizes.edges} edges, ${sizes.identities} identities`);
    const [, loadMs] = await timed("load", () => load(client));
    const options = { actor: { type: "system" as const, label: "bench" }, auditKey: randomBytes(32) };

    const before = await writes(client, reader);
    const [first, firstMs] = await timed("evaluation 1 (empty findings)", () => evaluatePolicies(client, options));
    const afterFirst = await writes(client, reader);
    await client.query("VACUUM ANALYZE findings");
    const [second, secondMs] = await timed("evaluation 2 (nothing changed)", () => evaluatePolicies(client, options));
    const afterSecond = await writes(client, reader);

    console.log(`\nload ${seconds(loadMs)} s`);
    report("evaluation 1", first, firstMs, afterFirst - before);
    report("evaluation 2", second, secondMs, afterSecond - afterFirst);
  } finally {
    await client.end().catch(() => undefined);
    await reader.end().catch(() => undefined);
    if (keep) console.log(`kept database ${name} at ${url.toString()}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
