import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/session-context";
import {
  formatCount,
  formatInstant,
  INVENTORY_PDF_SECTION_TITLES,
  kpiRows,
  renderInventorySummaryPdf,
} from "@/lib/inventory/pdf/inventory-summary-pdf";
import type { InventorySummaryReport } from "@/lib/inventory/pdf/inventory-summary-types";
import { seedSummaryFixture } from "@/lib/inventory/pdf/testing/summary-fixture";
import { inkShare, pdfLines, pdfPages, type PdfLine } from "@/lib/reports/testing/pdf-inspect";
import { FIXTURE_GAP } from "@/lib/reports/testing/report-fixture";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

/*
 * The PDF says what the DTO says: rendered from the fixture's summary (through JSON, as the child
 * process receives it), every page turned into an image that must carry ink, and its text read
 * back: every section title, the KPI rows, the charts' values, the risk and source rows.
 */
let t: TestDatabase;
let client: pg.Client;
let summary: InventorySummaryReport;
let bytes: Buffer;
let lines: PdfLine[];
const auditor: Caller = { type: "user", userId: null, email: "auditor@example.com", name: null, role: "auditor", sessionId: null };

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  client = new pg.Client({ connectionString: t.url });
  await client.connect();
  await seedSummaryFixture(client, { ...auditor, role: "analyst" });
  const { buildInventorySummary } = await import("@/lib/inventory/pdf/build-inventory-summary");
  summary = JSON.parse(JSON.stringify(await buildInventorySummary(auditor))) as InventorySummaryReport;
  bytes = await renderInventorySummaryPdf(summary);
  lines = await pdfLines(bytes);
  if (process.env.DUMP_PDF) console.log(lines.map((l) => `${l.page}| ${l.text}`).join("\n"));
});

afterAll(async () => {
  await client?.end();
  await t?.drop();
});

const text = () => lines.map((l) => l.text);

describe("inventory summary PDF", () => {
  it("is a PDF whose every page renders to a non-blank image", async () => {
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = await pdfPages(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const png of pages) expect(inkShare(png)).toBeGreaterThan(0.005);
  });

  it("has a title page, every section, and a footer with the instant and the page on each page", () => {
    expect(text()).toContain("Inventory summary");
    expect(text()).toContain(`Non-human identities and their credentials as of ${formatInstant(summary.asOf)}`);
    for (const title of Object.values(INVENTORY_PDF_SECTION_TITLES)) expect(text(), title).toContain(title);
    const pages = Math.max(...lines.map((l) => l.page));
    for (let page = 1; page <= pages; page++) {
      const footer = `Keyward inventory summary · as of ${formatInstant(summary.asOf)} · generated ${formatInstant(summary.generatedAt)} Page ${page} of ${pages}`;
      expect(lines.filter((l) => l.page === page).map((l) => l.text), `page ${page}`).toContain(footer);
    }
  });

  it("shows the KPI table's figures as in the DTO", () => {
    const cover = lines.filter((l) => l.page === 1).map((l) => l.text);
    for (const [label, value, detail] of kpiRows(summary)) expect(cover).toContain(`${label} ${value} ${detail}`);
    // The fixture's known figures, spelled out once so the mapping itself is checked.
    expect(cover).toContain("Owned identities 33.3 % 1 of 3 identities");
    expect(cover).toContain("Within rotation policy 50.0 % 3 of 6 active credentials");
    expect(cover).toContain("Open findings 3 1 critical or high");
  });

  it("draws the age histogram and the severities with their values and labels", () => {
    const all = text();
    expect(all).toContain(summary.ageHistogram.map((b) => formatCount(b.credentials)).join(" "));
    expect(all).toContain(summary.ageHistogram.map((b) => b.bucket).join(" "));
    expect(all).toContain(summary.openFindings.bySeverity.map((f) => formatCount(f.count)).join(" "));
    expect(all).toContain("critical high medium low info");
    for (const row of [...summary.identitiesByType, ...summary.credentialsByType]) expect(all).toContain(`${row.label} ${formatCount(row.count)}`);
  });

  it("lists environments, the top risks and each source with its last sync and gaps", () => {
    const all = text();
    for (const e of summary.byEnvironment) expect(all).toContain(`${e.environment} ${formatCount(e.identities)} ${formatCount(e.credentials)}`);
    expect(summary.topRisks).toHaveLength(2);
    for (const r of summary.topRisks) expect(all.some((l) => l.startsWith(`${r.name} ${r.type} ${r.environment ?? "-"} ${r.score.toFixed(1)} ${r.band}`)), r.name).toBe(true);
    expect(all.some((l) => l.startsWith("aws-prod 3 6 partial (live)"))).toBe(true);
    // The gap's detail may wrap onto the next line of its cell.
    expect(all.join(" ")).toMatch(new RegExp(`${FIXTURE_GAP.scope} / ${FIXTURE_GAP.stream}: ${FIXTURE_GAP.reason} .*\\(${FIXTURE_GAP.detail}\\)`));
    expect(all.some((l) => l.startsWith("people-directory 0 0 no finished sync"))).toBe(true);
  });
});
