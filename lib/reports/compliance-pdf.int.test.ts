import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/session-context";
import type { ComplianceReport, ControlStatus, FindingCounts } from "@/lib/reports/compliance-types";
import { formatCount, formatInstant, frameworkHeading, PDF_SECTION_TITLES, renderComplianceReportPdf } from "@/lib/reports/compliance-pdf";
import { inkShare, pdfLines, pdfPages, type PdfLine } from "@/lib/reports/testing/pdf-inspect";
import { FIXTURE_GAP, FIXTURE_JUSTIFICATION, seedReportFixture } from "@/lib/reports/testing/report-fixture";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

/*
 * The PDF says what the JSON says: rendered from the fixture's report, turned into images (each
 * page must carry ink) and read back as text; every section title is there and every control's row
 * shows the DTO's numbers and status.
 */
let t: TestDatabase;
let client: pg.Client;
let report: ComplianceReport;
let bytes: Buffer;
let lines: PdfLine[];
const analyst: Caller = { type: "user", userId: null, email: "analyst@example.com", name: null, role: "analyst", sessionId: null };

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  client = new pg.Client({ connectionString: t.url });
  await client.connect();
  await seedReportFixture(client, analyst);
  const { buildComplianceReport } = await import("@/lib/reports/build-compliance-report");
  // Through JSON, as the API and the CLI hand it over.
  report = JSON.parse(JSON.stringify(await buildComplianceReport(analyst))) as ComplianceReport;
  bytes = await renderComplianceReportPdf(report);
  lines = await pdfLines(bytes);
  if (process.env.DUMP_PDF) console.log(lines.map((l) => `${l.page}| ${l.text}`).join("\n"));
});

afterAll(async () => {
  await client?.end();
  await t?.drop();
});

const STATUS: Record<ControlStatus, string> = { pass: "PASS", partial: "PARTIAL", fail: "FAIL" };
const rowFigures = (c: FindingCounts, status: ControlStatus) =>
  [c.open, c.openBySeverity.critical + c.openBySeverity.high, c.accepted, c.suppressed, c.resolved].map(formatCount).join(" ") + ` ${STATUS[status]}`;

/** The table row of a control: the line that starts with its id and ends with a status. */
function tableRow(id: string): PdfLine {
  const rows = lines.filter((l) => l.items[0] === id && /(PASS|PARTIAL|FAIL)$/.test(l.text));
  expect(rows, `one table row for ${id}`).toHaveLength(1);
  return rows[0]!;
}

describe("compliance report PDF", () => {
  it("is a PDF whose every page renders to a non-blank image", async () => {
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = await pdfPages(bytes);
    // Cover, OWASP, four frameworks, exceptions and coverage.
    expect(pages.length).toBeGreaterThanOrEqual(7);
    for (const png of pages) expect(inkShare(png)).toBeGreaterThan(0.005);
  });

  it("has every section, with a footer naming the instant and the page", () => {
    const text = lines.map((l) => l.text);
    for (const title of [...Object.values(PDF_SECTION_TITLES), ...report.frameworks.map(frameworkHeading)]) {
      expect(text, title).toContain(title);
    }
    const pages = Math.max(...lines.map((l) => l.page));
    for (let page = 1; page <= pages; page++) {
      expect(lines.some((l) => l.page === page && l.text.includes(`as of ${formatInstant(report.asOf)}`) && l.text.endsWith(`Page ${page} of ${pages}`))).toBe(true);
    }
  });

  it("shows the posture summary's numbers on the cover", () => {
    const cover = lines.filter((l) => l.page === 1).map((l) => l.text);
    const t = report.totals;
    const kpis = [t.open, report.exceptions.length, t.suppressed, t.resolved, report.coverage.sourcesWithGaps].map(formatCount).join(" ");
    expect(cover).toContain(kpis);
    expect(cover.join("\n")).toContain(`${formatCount(t.openBySeverity.critical + t.openBySeverity.high)} critical or high`);
    expect(cover.join("\n")).toContain(`of ${formatCount(report.coverage.sources.length)} sources`);
    for (const framework of report.frameworks) {
      const { pass, partial, fail } = framework.statusCounts;
      expect(cover).toContain(`${frameworkHeading(framework)} ${framework.controls.length} ${pass} ${partial} ${fail}`);
    }
    for (const category of report.owasp) {
      expect(cover).toContain(`${category.id} ${category.title} ${formatCount(category.counts.open + category.counts.accepted + category.counts.suppressed)}`);
    }
  });

  it("shows each control's and OWASP category's numbers and status as in the JSON", () => {
    const all = [...report.owasp, ...report.frameworks.flatMap((f) => f.controls)];
    expect(all.length).toBeGreaterThan(40);
    for (const control of all) expect(tableRow(control.id).text.endsWith(rowFigures(control.counts, control.status)), control.id).toBe(true);
    // The fixture's failing control really reads FAIL with its figures.
    expect(tableRow("CC6.1").text).toMatch(/ 3 1 1 0 1 FAIL$/);
  });

  it("lists the accepted risk and the coverage gap", () => {
    const text = lines.map((l) => l.text).join("\n");
    expect(text).toContain(FIXTURE_JUSTIFICATION.slice(0, 20));
    expect(text).toContain("analyst@example.com");
    expect(text).toContain(`until ${formatInstant(report.exceptions[0]!.expiresAt)}`);
    expect(text).toContain(`${FIXTURE_GAP.scope} / ${FIXTURE_GAP.stream}: ${FIXTURE_GAP.reason}`);
    expect(text).toContain("no finished sync");
  });
});
