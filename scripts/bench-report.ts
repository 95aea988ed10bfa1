/*
 * `npm run bench:report -- [credentials]`: builds and renders the compliance report over a generated
 * estate (lib/reports/testing/sample-estate.ts: the policy benchmark's inventory evaluated at three
 * instants, accepted risks, sync runs with gaps) and prints where the time goes. Default 100,000
 * credentials (with 5 edges each and the rest in proportion); 1000000 is PRODUCT.md's scale.
 * `--findings-only` skips the inventory and the evaluations and writes the findings such an estate
 * holds straight into `findings` (2.1 per credential, the mix the full run produces), with accepted
 * risks and sync runs: the report reads nothing else, so this measures it at 1,000,000 credentials
 * in minutes instead of the better part of an hour.
 * Runs on the test server in a fresh database it drops afterwards (`--keep` keeps it).
 */
import type pg from "pg";
import type { Caller } from "@/lib/auth/session-context";
import { seconds, timed, withScratchDatabase } from "@/scripts/scratch-database";
import { seedSampleEstate } from "@/lib/reports/testing/sample-estate";

const credentials = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? "100000");
const keep = process.argv.includes("--keep");
const findingsOnly = process.argv.includes("--findings-only");
/** Findings per credential in the full run at 100,000 credentials (208,500 findings). */
const FINDINGS_PER_CREDENTIAL = 2.085;
const analyst: Caller = { type: "user", userId: null, email: "bench@example.com", name: null, role: "analyst", sessionId: null };

async function main(): Promise<void> {
  await withScratchDatabase("kw_bench_report", { keep }, async ({ name, client }) => {
    console.log(`database ${name}: ${credentials} credentials`);
    if (findingsOnly) await timed("write findings directly", () => writeFindings(client, Math.round(credentials * FINDINGS_PER_CREDENTIAL)));
    else {
      const estate = await seedSampleEstate(client, { scale: credentials / 1_000_000, accepter: analyst, acceptRisks: 50, log: console.log });
      console.log(`edges ${estate.sizes.edges}, identities ${estate.sizes.identities}`);
    }
    await client.query("VACUUM ANALYZE");
    const { rows } = await client.query<{ status: string; n: string }>("SELECT status, count(*) AS n FROM findings GROUP BY status ORDER BY status");
    console.log(`findings: ${rows.map((r) => `${r.n} ${r.status}`).join(", ")}\n`);

    const { computeComplianceReport } = await import("@/lib/reports/build-compliance-report");
    const { complianceReportCsv, complianceReportJson } = await import("@/lib/reports/compliance-export");
    const { renderReportPdf } = await import("@/lib/reports/render-pdf");
    const started = performance.now();
    const report = await timed("build report (SQL, first)", () => computeComplianceReport(client));
    await timed("build report (SQL, again)", () => computeComplianceReport(client));
    await timed("build report as of 30 days ago", () => computeComplianceReport(client, { asOf: new Date(Date.now() - 30 * 86_400_000) }));
    const json = await timed("serialise JSON", () => complianceReportJson(report));
    const csv = await timed("serialise CSV", () => complianceReportCsv(report));
    const pdf = await timed("render PDF (child process, as the CLI)", () => renderReportPdf(report));
    const total = performance.now() - started;
    const empty = { ...report, owasp: [], frameworks: [], exceptions: [], coverage: { sources: [], sourcesWithGaps: 0, gaps: 0 } };
    await timed("  of which child start-up (empty report)", () => renderReportPdf(empty));
    const { pdf: pdfToImages } = await import("pdf-to-img");
    const pages = (await pdfToImages(pdf)).length;
    console.log(`\nreport: ${report.totals.open} open, ${report.exceptions.length} exceptions, ${report.coverage.gaps} gaps`);
    console.log(`JSON ${json.length} bytes, CSV ${csv.length} bytes, PDF ${pdf.length} bytes / ${pages} pages`);
    console.log(`build (first, incl. the repeat and the as-of build) + JSON + CSV + PDF: ${seconds(total)} s`);
  });
}

/**
 * `n` findings over the catalogue's rules (severity and OWASP category from it) first seen over the
 * last 56 days, 1 % resolved since, 50 accepted through `finding.accepted` audit events (as
 * acceptFindingRisk writes them), and ten sources with a finished sync run, two with gaps.
 */
async function writeFindings(client: pg.Client, n: number): Promise<void> {
  const { getCatalogue } = await import("@/lib/policy/catalogue");
  const rules = getCatalogue().rules;
  const list = (values: string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(",")}]`;
  await client.query("SET session_replication_role = replica");
  await client.query(`INSERT INTO sources (id, provider, name, created_at)
    SELECT gen_random_uuid(), 'aws', 'bench-' || n, now() - interval '400 days' FROM generate_series(1, 10) n`);
  await client.query(`INSERT INTO sync_runs (id, source_id, generation, status, mode, started_at, finished_at, coverage_gaps)
    SELECT gen_random_uuid(), id, 1, CASE WHEN name IN ('bench-1', 'bench-4') THEN 'partial' ELSE 'succeeded' END, 'live',
           now() - interval '1 day 10 minutes', now() - interval '1 day',
           CASE WHEN name IN ('bench-1', 'bench-4') THEN '[{"scope":"123456789012","stream":"access-keys","reason":"permission_denied","detail":"denied"}]'::jsonb ELSE '[]'::jsonb END
    FROM sources`);
  await client.query(
    `INSERT INTO findings (id, rule, severity, owasp, status, subject_type, subject_id, evidence, first_seen_at, last_seen_at, resolved_at)
     SELECT gen_random_uuid(), r.rule, r.severity, r.owasp, CASE WHEN n % 100 = 0 THEN 'resolved' ELSE 'open' END, 'credential', gen_random_uuid(), '{}'::jsonb,
            now() - make_interval(days => (n % 56)::int), now(), CASE WHEN n % 100 = 0 THEN now() - make_interval(days => (n % 7)::int) END
     FROM generate_series(1::bigint, $1) n
     CROSS JOIN LATERAL (SELECT (${list(rules.map((r) => r.id))})[1 + n % ${rules.length}] AS rule,
                                (${list(rules.map((r) => r.severity))})[1 + n % ${rules.length}] AS severity,
                                (${list(rules.map((r) => r.owasp))})[1 + n % ${rules.length}] AS owasp) r`,
    [n],
  );
  await client.query(`WITH picked AS (
      UPDATE findings SET status = 'accepted', justification = 'bench', accepted_until = now() + interval '90 days'
      WHERE id IN (SELECT id FROM findings WHERE status = 'open' ORDER BY id LIMIT 50) RETURNING id)
    INSERT INTO audit_events (actor_type, actor_label, action, target_type, target_id, summary, prev_hash, hash)
    SELECT 'user', 'bench@example.com', 'finding.accepted', 'finding', id::text,
           jsonb_build_object('justification', 'bench', 'until', now() + interval '90 days'), 'bench', md5(random()::text || id::text)
    FROM picked`);
  await client.query("SET session_replication_role = DEFAULT");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
