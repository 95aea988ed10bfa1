/*
 * `npm run bench:campaigns`: activates a campaign over 50,000 identities (scope frozen by one
 * INSERT … SELECT with owners resolved and reviewer chains built), then times the reviewer's
 * inbox page, the kickoff reminder pass (notifier that only counts) and the close with the
 * default action revoke (50,000 remediation tasks). Runs on the test server
 * (test/support/database-server.ts) in a fresh database it drops afterwards (`--keep` keeps it).
 * `--n 10000` for another size.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { runMigrations } from "@/lib/migrate/run-migrations";
import { startTestServer } from "@/test/support/database-server";

const keep = process.argv.includes("--keep");
const nArg = process.argv.indexOf("--n");
const N = nArg > 0 ? Number(process.argv[nArg + 1]) : 50_000;
/** Owners share the identities (≈ 50 each); every 20th owner left; managers above them. */
const OWNERS = Math.max(10, Math.floor(N / 50));
const MANAGERS = Math.max(2, Math.floor(OWNERS / 20));

async function timed<T>(label: string, fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await fn();
  const ms = performance.now() - started;
  console.log(`${label.padEnd(52)} ${(ms / 1000).toFixed(2).padStart(8)} s`);
  return [result, ms];
}

async function seed(client: pg.Client): Promise<void> {
  await client.query(`INSERT INTO sources (id, provider, name) VALUES ('00000000-0000-4000-8000-000000000001', 'keyward', 'bench'), ('00000000-0000-4000-8000-000000000002', 'people', 'hr')`);
  await client.query(
    `INSERT INTO people (id, source_id, scope, external_type, external_id, email, manager_email, status, content_hash, last_seen_generation)
     SELECT gen_random_uuid(), '00000000-0000-4000-8000-000000000002'::uuid, 's', 'person', 'owner' || g, 'owner' || g || '@example.com',
            'manager' || (g % $2) || '@example.com', CASE WHEN g % 20 = 0 THEN 'left' ELSE 'active' END, 'h', 1
     FROM generate_series(1, $1) g
     UNION ALL
     SELECT gen_random_uuid(), '00000000-0000-4000-8000-000000000002'::uuid, 's', 'person', 'manager' || g, 'manager' || g || '@example.com', NULL, 'active', 'h', 1
     FROM generate_series(0, $2 - 1) g`,
    [OWNERS, MANAGERS],
  );
  // Every 10th identity has no owner at all (→ security queue); the rest an owner hint.
  await client.query(
    `INSERT INTO identities (id, source_id, scope, external_type, external_id, name, type, status, environment, owner_hint, content_hash, last_seen_generation)
     SELECT gen_random_uuid(), '00000000-0000-4000-8000-000000000001'::uuid, 's', 'bench.identity', 'id-' || g, 'identity-' || g,
            'service_account', 'active', CASE WHEN g % 3 = 0 THEN 'prod' ELSE 'dev' END,
            CASE WHEN g % 10 = 0 THEN NULL ELSE jsonb_build_object('email', 'owner' || (g % $2 + 1) || '@example.com', 'provenance', 'bench.tag:Owner') END,
            'h', 1
     FROM generate_series(1, $1) g`,
    [N, OWNERS],
  );
  await client.query(
    `INSERT INTO credentials (id, source_id, scope, external_type, external_id, name, type, status, identity_id, last_used_at, content_hash, last_seen_generation)
     SELECT gen_random_uuid(), source_id, 's', 'bench.key', 'key-' || external_id, 'key-' || name, 'api_key', 'active', id, now() - interval '3 days', 'h', 1
     FROM identities`,
  );
  await client.query(`INSERT INTO identity_risk_scores (identity_id, score, factors, computed_at) SELECT id, (abs(hashtext(id::text)) % 1000) / 10.0, '[]', now() FROM identities`);
  await client.query("VACUUM ANALYZE");
}

async function main(): Promise<void> {
  const server = await startTestServer();
  const name = `kw_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server.adminUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  process.env.KEYWARD_DATA_DIR ??= path.join(os.tmpdir(), `keyward-bench-${process.pid}`);
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    await runMigrations(url.toString(), { dir: path.resolve(import.meta.dirname, "../prisma/migrations") });
    await client.connect();
    await timed(`seed ${N} identities, ${N} credentials, ${OWNERS + MANAGERS} people`, () => seed(client));

    const { inTransaction } = await import("@/lib/policy/sql-executor");
    const { activateIn } = await import("@/lib/campaigns/campaign-lifecycle");
    const { loadCampaign } = await import("@/lib/campaigns/campaign-rows");
    const { listMyReviews } = await import("@/lib/campaigns/review-inbox");
    const { runCampaignReminders } = await import("@/lib/campaigns/campaign-reminders");
    const { closeCampaign } = await import("@/lib/campaigns/close-campaign");
    const actor = { type: "system" as const, label: "bench" };

    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO campaigns (id, name, security_queue, due_at, default_action, reminders, created_by)
       VALUES (gen_random_uuid(), 'bench', 'security@example.com', now() + interval '14 days', 'revoke', '{}', 'bench') RETURNING id::text`,
    );
    const id = rows[0]!.id;
    const [items] = await timed("activate (freeze scope + reviewer chains)", () => inTransaction(client, async (x) => activateIn(x, await loadCampaign(x, id, { lock: true }), actor, new Date())));
    const bases = await client.query<{ reviewer_basis: string; n: number }>(`SELECT reviewer_basis, count(*)::int AS n FROM campaign_items WHERE campaign_id = $1 GROUP BY 1 ORDER BY 1`, [id]);
    console.log(`  ${items} items; reviewers by basis: ${bases.rows.map((r) => `${r.reviewer_basis} ${r.n}`).join(", ")}`);

    const reviewer = { type: "user" as const, userId: null, email: "owner2@example.com", name: null, role: "owner" as const, sessionId: null };
    const samples: number[] = [];
    let shown = 0;
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      shown = (await listMyReviews(reviewer, { limit: 50 })).items.length;
      samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    console.log(`inbox page of ${shown} items with context: median ${samples[10]!.toFixed(1)} ms, max ${samples[19]!.toFixed(1)} ms over 20 calls`);

    let emails = 0;
    const notifier = { email: true, webhook: false, baseUrl: null, sendEmail: async () => void emails++, postWebhook: async () => undefined, close: () => undefined };
    await timed("kickoff reminder pass (one e-mail per reviewer)", () => runCampaignReminders(client, new Date(), notifier));
    console.log(`  ${emails} e-mails`);
    await timed("re-run of the pass (all already sent)", () => runCampaignReminders(client, new Date(), notifier));

    const analyst = { ...reviewer, email: "analyst@example.com", role: "analyst" as const };
    await timed("close (default action revoke → remediation tasks)", () => closeCampaign(analyst, id));
    const tasks = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM remediation_tasks WHERE campaign_id = $1`, [id]);
    console.log(`  ${tasks.rows[0]!.n} remediation tasks`);
  } finally {
    await client.end().catch(() => undefined);
    if (!keep) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    const { getDb } = await import("@/lib/db");
    await getDb().$disconnect();
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
