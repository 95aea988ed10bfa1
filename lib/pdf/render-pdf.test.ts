import path from "node:path";
import { describe, expect, it } from "vitest";
import { shareOf, type InventorySummaryReport } from "@/lib/inventory/pdf/inventory-summary-types";
import { PDF_KINDS } from "@/lib/pdf/pdf-documents";
import { renderPdf, renderPdfInChild, type PdfInputs } from "@/lib/pdf/render-pdf";
import { pdfLines } from "@/lib/reports/testing/pdf-inspect";

/*
 * The shared renderer: in process where React's client build is present (vitest), and through the
 * child process (what the CLI and the Next server use) with { kind, data } on stdin.
 */
const HOME = path.resolve(import.meta.dirname, "../..");

const summary: InventorySummaryReport = {
  generatedAt: "2026-06-30T12:00:00.000Z",
  asOf: "2026-06-30T00:00:00.000Z",
  totals: { identities: 12, credentials: 34, resources: 5, sources: 1 },
  identitiesByType: [{ label: "service_account", count: 12 }],
  credentialsByType: [{ label: "access_key", count: 34 }],
  byEnvironment: [{ environment: "prod", identities: 12, credentials: 34 }],
  owned: shareOf(6, 12),
  withinRotationPolicy: shareOf(30, 34),
  expiringIn30Days: 2,
  openFindings: { total: 4, bySeverity: [{ severity: "high", count: 4 }] },
  ageHistogram: [{ bucket: "< 30 d", credentials: 34 }],
  topRisks: [],
  risksComputedAt: null,
  sources: [],
  sourcesWithGaps: 0,
};

const campaignEvidence: PdfInputs["campaign-evidence"]["evidence"] = {
  campaign: {
    id: "11111111-1111-4111-8111-111111111111", name: "Quarterly review", description: null, status: "CLOSED", filter: {}, exclusions: [],
    defaultAction: "revoke", securityQueue: "security@example.com", dueAt: "2026-12-31T23:59:59.999Z",
    reminders: { kickoff: true, everyDays: 7, beforeDueDays: 2, escalateEveryDays: 3, webhook: false }, recurrence: null, reviewDays: null,
    seriesId: null, createdBy: "analyst@example.com", createdAt: "2026-12-01T09:00:00.000Z", activatedBy: "analyst@example.com",
    activatedAt: "2026-12-01T09:05:00.000Z", closedBy: "analyst@example.com", closedAt: "2026-12-20T17:00:00.000Z", signOff: "Approved.",
    cancelledBy: null, cancelledAt: null, progress: { items: 0, decided: 0, pending: 0 },
  },
  generatedAt: "2026-12-21T08:00:00.000Z",
  generatedBy: "auditor@example.com",
  reviewers: [],
  decisions: { keep: 0, revoke: 0, rotate: 0, reassign: 0, extend: 0 },
  items: [],
  remediation: { open: 0, done: 0 },
};

const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString("latin1") === "%PDF-";
const textOf = async (bytes: Buffer) => (await pdfLines(bytes)).map((l) => l.text);

describe("renderPdf", () => {
  it("knows the three documents", () => {
    expect(PDF_KINDS).toEqual(["compliance-report", "campaign-evidence", "inventory-summary"]);
  });

  it("renders in process when React's client build is present", async () => {
    const bytes = await renderPdf("inventory-summary", summary);
    expect(isPdf(bytes)).toBe(true);
    expect(await textOf(bytes)).toContain("Identities 12 non-human identities present");
  });

  it("renders the same document in a child process, dispatched by kind", async () => {
    const bytes = await renderPdfInChild("inventory-summary", summary, { homeDir: HOME });
    expect(isPdf(bytes)).toBe(true);
    expect(await textOf(bytes)).toContain("Identities 12 non-human identities present");
  }, 60_000);

  it("dispatches the campaign evidence to its document, with the CSV hashes", async () => {
    const bytes = await renderPdfInChild("campaign-evidence", { evidence: campaignEvidence, files: [{ name: "items.csv", sha256: "ab".repeat(32) }] }, { homeDir: HOME });
    const text = (await textOf(bytes)).join("\n");
    expect(text).toContain("Access review evidence: Quarterly review");
    expect(text).toContain("ab".repeat(32));
  }, 60_000);

  it("fails with the child's message for an unknown kind", async () => {
    await expect(renderPdfInChild("bank-statement" as never, {} as never, { homeDir: HOME })).rejects.toThrow(
      /exited with 2: unknown PDF kind "bank-statement"; expected one of compliance-report, campaign-evidence, inventory-summary/,
    );
  }, 60_000);

  it("kills a child that runs past its timeout", async () => {
    await expect(renderPdfInChild("inventory-summary", summary, { homeDir: HOME, timeoutMs: 50 })).rejects.toThrow(/exited with SIGTERM/);
  }, 60_000);
});
