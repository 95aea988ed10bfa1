/*
 * `npm run report:sample`: renders the compliance report of a small generated estate
 * (lib/reports/testing/sample-estate.ts, 2,000 credentials by default) to tmp/compliance-report-sample.pdf
 * and its first page to docs/screenshots/compliance-report-page1.png. Runs on the test server in a
 * fresh database it drops afterwards.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { runMigrations } from "@/lib/migrate/run-migrations";
import type { Caller } from "@/lib/auth/session-context";
import { startTestServer } from "@/test/support/database-server";
import { seedSampleEstate } from "@/lib/reports/testing/sample-estate";

const root = path.resolve(import.meta.dirname, "..");
const scale = Number(process.argv[2] ?? "0.002");
const analyst: Caller = { type: "user", userId: null, email: "dana.analyst@example.com", name: "Dana", role: "analyst", sessionId: null };

async function main(): Promise<void> {
  const server = await startTestServer();
  const name = `kw_report_sample_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server.adminUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    await runMigrations(url.toString(), { dir: path.join(root, "prisma/migrations") });
    await client.connect();
    await seedSampleEstate(client, { scale, accepter: analyst, log: console.log });
    const { computeComplianceReport } = await import("@/lib/reports/build-compliance-report");
    const { renderReportPdf } = await import("@/lib/reports/render-pdf");
    const report = await computeComplianceReport(client);
    const pdf = await renderReportPdf(report);
    await fs.mkdir(path.join(root, "tmp"), { recursive: true });
    await fs.writeFile(path.join(root, "tmp/compliance-report-sample.pdf"), pdf);
    await fs.writeFile(path.join(root, "tmp/compliance-report-sample.json"), JSON.stringify(report, null, 2));
    // pdf-to-img needs no React: it runs here, under the react-server condition, as it is.
    const { pdf: pdfToImages } = await import("pdf-to-img");
    const pages = await pdfToImages(pdf, { scale: 2 });
    const first = await pages.getPage(1);
    await fs.writeFile(path.join(root, "docs/screenshots/compliance-report-page1.png"), first);
    console.log(`${pages.length} pages; tmp/compliance-report-sample.pdf, docs/screenshots/compliance-report-page1.png`);
  } finally {
    await client.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
