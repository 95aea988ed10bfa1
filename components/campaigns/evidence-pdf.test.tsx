import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { decisionText, renderEvidencePdf, scopeLines } from "@/components/campaigns/evidence-pdf";
import type { CampaignEvidenceDto, EvidenceItemDto } from "@/lib/campaigns/campaign-types";

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ("str" in i ? i.str : "")).join(" "));
  }
  return pages.join("\n");
}

/** Table cells wrap and may hyphenate: compare without whitespace and hyphens. */
const squash = (text: string) => text.replace(/[\s-]+/g, "");

function item(n: number, overrides: Partial<EvidenceItemDto> = {}): EvidenceItemDto {
  return {
    itemId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    identityId: null,
    identityName: `svc-account-${n}`,
    identityType: "iam_user",
    sourceName: "demo-aws",
    environment: "prod",
    ownerEmail: "owner@example.com",
    riskScore: 40,
    reviewerEmail: "owner@example.com",
    reviewerBasis: "owner",
    escalationLevel: 0,
    delegatedBy: null,
    decision: "keep",
    decidedBy: "owner@example.com",
    decidedAt: `2026-12-0${(n % 9) + 1}T10:00:00.000Z`,
    decidedByDefault: false,
    comment: `reason number ${n}`,
    newOwnerEmail: null,
    newEndDate: null,
    remediation: null,
    ...overrides,
  };
}

function evidence(items: EvidenceItemDto[]): CampaignEvidenceDto {
  return {
    campaign: {
      id: "11111111-1111-4111-8111-111111111111",
      name: "Q4 production review",
      description: "Quarterly review of production service accounts.",
      status: "CLOSED",
      filter: { environments: ["prod"], minRisk: 20 },
      exclusions: ["22222222-2222-4222-8222-222222222222"],
      defaultAction: "revoke",
      securityQueue: "security@example.com",
      dueAt: "2026-12-31T23:59:59.999Z",
      reminders: { kickoff: true, everyDays: 7, beforeDueDays: 2, escalateEveryDays: 3, webhook: true },
      recurrence: null,
      reviewDays: null,
      seriesId: null,
      createdBy: "analyst@example.com",
      createdAt: "2026-12-01T09:00:00.000Z",
      activatedBy: "analyst@example.com",
      activatedAt: "2026-12-01T09:05:00.000Z",
      closedBy: "analyst@example.com",
      closedAt: "2026-12-20T17:00:00.000Z",
      signOff: "Reviewed and approved by the security lead.",
      cancelledBy: null,
      cancelledAt: null,
      progress: { items: items.length, decided: items.length, pending: 0 },
    },
    generatedAt: "2026-12-21T08:00:00.000Z",
    generatedBy: "auditor@example.com",
    reviewers: [{ email: "owner@example.com", items: items.length, decided: items.length, pending: 0 }],
    decisions: { keep: 0, revoke: 0, rotate: 0, reassign: 0, extend: 0 },
    items,
    remediation: { open: 1, done: 0 },
  };
}

const FILES = [
  { name: "campaign.csv", sha256: "a".repeat(64) },
  { name: "items.csv", sha256: "0123456789abcdef".repeat(4) },
];

describe("renderEvidencePdf", () => {
  it("lists every decision with who, when and the comment, the sign-off and the CSV hashes", async () => {
    const items = [
      item(1),
      item(2, { decision: "rotate", comment: "leaked in a ticket", remediation: { action: "rotate", status: "OPEN", doneAt: null, doneBy: null, resolution: null } }),
      item(3, { decision: "reassign", newOwnerEmail: "new.owner@example.com", reviewerBasis: "delegated", reviewerEmail: "delegate@example.com", delegatedBy: "owner@example.com", decidedBy: "delegate@example.com" }),
      item(4, { decision: "revoke", decidedByDefault: true, decidedBy: "system:default-action", comment: "Not decided by the due date." }),
    ];
    const bytes = await renderEvidencePdf(evidence(items), FILES);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = squash(await pdfText(bytes));
    expect(text).toContain(squash("Access review evidence: Q4 production review"));
    for (const i of items) {
      expect(text).toContain(squash(i.identityName));
      expect(text).toContain(squash(i.decidedBy!));
      expect(text).toContain(squash(i.comment!));
      expect(text).toContain(squash(decisionText(i)));
      expect(text).toContain(squash(`${i.decidedAt!.slice(0, 10)} ${i.decidedAt!.slice(11, 16)} UTC`));
    }
    expect(text).toContain(squash("reassign to new.owner@example.com"));
    expect(text).toContain(squash("revoke (default action)"));
    expect(text).toContain(squash("rotate: open"));
    expect(text).toContain(squash("Reviewed and approved by the security lead."));
    for (const f of FILES) expect(text).toContain(squash(`${f.sha256} ${f.name}`));
    for (const line of scopeLines({ environments: ["prod"], minRisk: 20 }, 1)) expect(text).toContain(squash(line));
  }, 30_000);

  it("keeps every row of a long campaign across pages", async () => {
    const items = Array.from({ length: 120 }, (_, n) => item(n + 1));
    const bytes = await renderEvidencePdf(evidence(items), FILES);
    const raw = await pdfText(bytes);
    const text = squash(raw);
    for (const i of items) expect(text).toContain(squash(`${i.comment}`));
    expect(raw).toMatch(/Page 3 of \d+/);
  }, 60_000);
});

describe("scopeLines", () => {
  it("says an empty filter takes the whole inventory", () => {
    expect(scopeLines({}, 0)).toEqual(["Every identity in the inventory"]);
  });
});
