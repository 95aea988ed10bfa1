/*
 * `node --conditions=react-server --import tsx scripts/bench-inventory-pdf.ts [credentials]`: builds
 * the inventory summary (docs/inventory-pdf.md) over a generated estate (lib/reports/testing/
 * sample-estate.ts: the policy benchmark's inventory evaluated at three instants, accepted risks,
 * sync runs with gaps; then risk scores) and renders its PDF as the CLI does (child process).
 * Default 100,000 credentials; 1000000 is PRODUCT.md's scale. Runs on the test server in a fresh
 * database it drops afterwards (`--keep` keeps it).
 */
import type { Caller } from "@/lib/auth/session-context";
import { seconds, timed, withScratchDatabase } from "@/scripts/scratch-database";
import { seedSampleEstate } from "@/lib/reports/testing/sample-estate";

const credentials = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? "100000");
const keep = process.argv.includes("--keep");
const analyst: Caller = { type: "user", userId: null, email: "bench@example.com", name: null, role: "analyst", sessionId: null };

async function main(): Promise<void> {
  await withScratchDatabase("kw_bench_summary", { keep }, async ({ name, client }) => {
    console.log(`database ${name}: ${credentials} credentials`);
    const estate = await timed("seed estate (inventory + 3 evaluations)", () => seedSampleEstate(client, { scale: credentials / 1_000_000, accepter: analyst, acceptRisks: 50 }));
    console.log(`identities ${estate.sizes.identities}, edges ${estate.sizes.edges}`);
    const { refreshRiskScores } = await import("@/lib/risk/refresh-risk-scores");
    await timed("refresh risk scores", () => refreshRiskScores(client, new Date()));
    await client.query("VACUUM ANALYZE");

    const { buildInventorySummary } = await import("@/lib/inventory/pdf/build-inventory-summary");
    const { renderPdf } = await import("@/lib/pdf/render-pdf");
    const started = performance.now();
    const summary = await timed("build summary DTO (SQL, first)", () => buildInventorySummary(analyst, { db: client }));
    const pdf = await timed("render PDF (child process, as the CLI)", () => renderPdf("inventory-summary", summary));
    const total = performance.now() - started;
    await timed("build summary DTO (SQL, again)", () => buildInventorySummary(analyst, { db: client }));
    await timed("build summary as of 30 days ago", () => buildInventorySummary(analyst, { db: client, asOf: new Date(Date.now() - 30 * 86_400_000) }));
    const { pdf: pdfToImages } = await import("pdf-to-img");
    const pages = (await pdfToImages(pdf)).length;
    console.log(`\nsummary: ${summary.totals.identities} identities, ${summary.totals.credentials} credentials, ${summary.openFindings.total} open findings, ${summary.topRisks.length} top risks, ${summary.sources.length} sources`);
    console.log(`PDF ${pdf.length} bytes / ${pages} pages; DTO + PDF: ${seconds(total)} s`);
  });
}

await main();
