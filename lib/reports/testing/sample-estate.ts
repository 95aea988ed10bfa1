/*
 * A generated estate with a history, for scripts/render-report-sample.ts and scripts/bench-report.ts
 * (not shipped code): the policy benchmark's inventory (lib/policy/testing/bench-inventory.ts),
 * evaluated at three instants four weeks apart (ages move, so findings open and resolve), a few
 * risks accepted through the data layer, and one finished sync run per source, two of them partial
 * with coverage gaps.
 */
import type pg from "pg";
import type { Caller } from "@/lib/auth/session-context";
import { evaluatePolicies } from "@/lib/policy/evaluate";
import { benchGenerators, benchSizes, type BenchSizes } from "@/lib/policy/testing/bench-inventory";

const DAY = 86_400_000;

/** Generates the inventory with secondary indexes dropped and triggers off, then rebuilds (as bench-policies does). */
async function load(client: pg.Client, sizes: BenchSizes): Promise<void> {
  const { rows: indexes } = await client.query<{ indexdef: string; indexname: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
       AND tablename IN ('identities', 'credentials', 'resources', 'people', 'edges') AND indexname NOT LIKE '%_pkey'`,
  );
  for (const index of indexes) await client.query(`DROP INDEX "${index.indexname}"`);
  await client.query("SET session_replication_role = replica");
  for (const [, sql] of benchGenerators(sizes)) await client.query(sql);
  await client.query("SET session_replication_role = DEFAULT");
  await client.query("SET maintenance_work_mem = '512MB'");
  for (const index of indexes) await client.query(index.indexdef);
  await client.query("VACUUM ANALYZE");
}

export type SampleEstate = { sizes: BenchSizes; evaluatedAt: Date[]; accepted: number; timings: Record<string, number> };

export async function seedSampleEstate(
  client: pg.Client,
  options: { scale: number; accepter: Caller; acceptRisks?: number; now?: Date; log?: (line: string) => void },
): Promise<SampleEstate> {
  const now = options.now ?? new Date();
  const log = options.log ?? (() => undefined);
  const sizes = benchSizes(options.scale);
  const timings: Record<string, number> = {};
  const timed = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await fn();
    timings[label] = performance.now() - started;
    log(`${label.padEnd(40)} ${(timings[label] / 1000).toFixed(1).padStart(7)} s`);
    return result;
  };
  await timed(`load ${sizes.credentials} credentials`, () => load(client, sizes));
  const evaluatedAt = [56, 28, 0].map((days) => new Date(now.getTime() - days * DAY));
  for (const asOf of evaluatedAt) {
    await timed(`evaluate as of ${asOf.toISOString().slice(0, 10)}`, () => evaluatePolicies(client, { asOf, actor: { type: "system", label: "sample" } }));
  }

  const { rows: sources } = await client.query<{ id: string }>("SELECT id::text FROM sources ORDER BY name");
  for (const [i, source] of sources.entries()) {
    const gaps =
      i === 0
        ? [{ scope: "123456789012/eu-west-1", stream: "access-keys", reason: "permission_denied", detail: "iam:ListAccessKeys denied for 3 users" }]
        : i === 3
          ? [{ scope: "org:acme", stream: "fine-grained-pats", reason: "not_enumerable", detail: "the API lists PAT requests only to org owners" }]
          : [];
    await client.query(
      `INSERT INTO sync_runs (id, source_id, generation, status, mode, started_at, finished_at, coverage_gaps)
       VALUES (gen_random_uuid(), $1, 1, $2, 'live', $3, $4, $5::jsonb)`,
      [source.id, gaps.length > 0 ? "partial" : "succeeded", new Date(now.getTime() - DAY - 600_000), new Date(now.getTime() - DAY), JSON.stringify(gaps)],
    );
  }

  const { acceptFindingRisk } = await import("@/lib/policy/accept-risk");
  const { rows: toAccept } = await client.query<{ id: string; rule: string }>(
    `SELECT id::text, rule FROM findings WHERE status = 'open' AND severity IN ('high', 'medium')
     ORDER BY md5(id::text) LIMIT $1`,
    [options.acceptRisks ?? 5],
  );
  const justifications = [
    "Legacy batch job; replaced by workload identity in Q3.",
    "Vendor integration requires a static key; compensating IP allow-list in place.",
    "Break-glass account, monitored by the SOC; reviewed monthly.",
  ];
  await timed(`accept ${toAccept.length} risks`, async () => {
    for (const [i, finding] of toAccept.entries()) {
      await acceptFindingRisk(options.accepter, finding.id, {
        justification: justifications[i % justifications.length]!,
        // Spread over the next ten months (an acceptance may last at most a year).
        until: new Date(now.getTime() + (30 + (i % 40) * 7) * DAY),
      });
    }
  });
  return { sizes, evaluatedAt, accepted: toAccept.length, timings };
}
