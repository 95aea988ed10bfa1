/*
 * `npm run bench:risk -- [credentials]`: refreshes every identity's risk score (lib/risk) over the
 * policy benchmark's synthetic inventory (lib/policy/testing/bench-inventory.ts) with `credentials`
 * credentials [1,000,000] and the rest in proportion (5 edges and 0.2 identities per credential),
 * after one policy evaluation (exposure reads the secrets findings). Prints the first refresh
 * (empty table), a refresh with nothing changed, and rows written. Runs on the test server in a
 * fresh database it drops afterwards (`--keep` keeps it).
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { runMigrations } from "@/lib/migrate/run-migrations";
import { evaluatePolicies } from "@/lib/policy/evaluate";
import { benchGenerators, benchSizes } from "@/lib/policy/testing/bench-inventory";
import { refreshRiskScores, type RiskRefreshCounts } from "@/lib/risk/refresh-risk-scores";
import { startTestServer } from "@/test/support/database-server";

const FULL_SCALE_CREDENTIALS = 1_000_000;

function parseCredentials(argument: string | undefined): number {
  if (argument === undefined) return FULL_SCALE_CREDENTIALS;
  const n = Number(argument);
  if (!Number.isInteger(n) || n < 100) throw new Error(`credentials: expected a whole number of at least 100, got "${argument}"`);
  return n;
}

const keep = process.argv.includes("--keep");
const credentials = parseCredentials(process.argv.slice(2).find((a) => !a.startsWith("--")));
const sizes = benchSizes(credentials / FULL_SCALE_CREDENTIALS);
const seconds = (ms: number) => (ms / 1000).toFixed(1);

async function timed<T>(label: string, fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await fn();
  const ms = performance.now() - started;
  console.log(`${label.padEnd(44)} ${seconds(ms).padStart(7)} s`);
  return [result, ms];
}

/** Loads with secondary indexes dropped and triggers off, then rebuilds them (as bench:policies). */
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

/** Tuples inserted, updated or deleted in identity_risk_scores, as PostgreSQL's statistics count them. */
async function tupleWrites(client: pg.Client, reader: pg.Client): Promise<number> {
  await client.query("SELECT pg_stat_force_next_flush()");
  await reader.query("SELECT pg_stat_clear_snapshot()");
  const { rows } = await reader.query<{ n: string }>(
    "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) AS n FROM pg_stat_user_tables WHERE relname = 'identity_risk_scores'",
  );
  return Number(rows[0]!.n);
}

const line = (label: string, counts: RiskRefreshCounts, ms: number, tuples: number) =>
  console.log(`${label}: ${seconds(ms)} s — computed ${counts.computed}, written ${counts.written}, removed ${counts.removed} (${tuples} tuples written)`);

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
    await timed("load", () => load(client));
    await timed("policy evaluation (findings for exposure)", () =>
      evaluatePolicies(client, { actor: { type: "system", label: "bench" }, auditKey: randomBytes(32) }),
    );
    const now = new Date();
    const w0 = await tupleWrites(client, reader);
    const [first, firstMs] = await timed("risk refresh 1 (empty table)", () => refreshRiskScores(client, now));
    const w1 = await tupleWrites(client, reader);
    await client.query("VACUUM ANALYZE identity_risk_scores");
    const [second, secondMs] = await timed("risk refresh 2 (nothing changed)", () => refreshRiskScores(client, now));
    const w2 = await tupleWrites(client, reader);
    const [top, topMs] = await timed("top 10 risks (whole inventory)", async () =>
      (await client.query(`SELECT identity_id, score FROM identity_risk_scores ORDER BY score DESC, identity_id LIMIT 10`)).rows,
    );
    const { rows: bands } = await client.query<{ band: string; n: string }>(
      `SELECT CASE WHEN score >= 75 THEN 'critical' WHEN score >= 50 THEN 'high' WHEN score >= 25 THEN 'medium' ELSE 'low' END AS band, count(*) AS n
       FROM identity_risk_scores GROUP BY 1 ORDER BY 1`,
    );
    console.log("");
    line("refresh 1", first, firstMs, w1 - w0);
    line("refresh 2", second, secondMs, w2 - w1);
    console.log(`top 10 in ${topMs.toFixed(1)} ms, highest ${top[0]?.score}; bands: ${bands.map((b) => `${b.band} ${b.n}`).join(", ")}`);
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
