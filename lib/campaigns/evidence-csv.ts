import "server-only";
import { createHash } from "node:crypto";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import { callerAsActor, requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { csvRow } from "@/lib/inventory/csv-cell";
import { inTransaction } from "@/lib/policy/sql-executor";
import { campaignEvent } from "@/lib/campaigns/campaign-audit";
import { readEvidence } from "@/lib/campaigns/campaign-evidence";
import type { CampaignEvidenceDto } from "@/lib/campaigns/campaign-types";

/*
 * The evidence pack as files: the campaign (scope, dates, sign-off), its reviewers, and one row per
 * item with its decision and remediation; every cell spreadsheet-safe (csv-cell.ts). The manifest
 * lists each file's SHA-256, and the export itself is an audit event carrying those hashes, so a
 * file handed to an auditor can be matched to the chain.
 */

export type EvidenceFile = { name: string; content: string; sha256: string; bytes: number };
export type EvidencePack = {
  files: EvidenceFile[];
  /** `sha256sum -c` format: "<hash>  <name>" per line. */
  manifest: string;
  evidence: CampaignEvidenceDto;
};

export const ITEM_COLUMNS = [
  "item_id", "identity_id", "identity", "type", "source", "environment", "owner", "risk_score",
  "reviewer", "reviewer_basis", "escalation_level", "delegated_by",
  "decision", "decided_by", "decided_at", "by_default", "comment", "new_owner", "new_end_date",
  "remediation_action", "remediation_status", "remediation_done_at", "remediation_done_by", "remediation_resolution",
] as const;

function campaignCsv(e: CampaignEvidenceDto): string {
  const c = e.campaign;
  const rows: Array<[string, unknown]> = [
    ["campaign_id", c.id], ["name", c.name], ["description", c.description], ["status", c.status],
    ["filter", c.filter], ["exclusions", c.exclusions.join(" ")], ["default_action", c.defaultAction],
    ["security_queue", c.securityQueue], ["due_at", c.dueAt], ["created_by", c.createdBy], ["created_at", c.createdAt],
    ["activated_by", c.activatedBy], ["activated_at", c.activatedAt], ["items", c.progress.items],
    ...Object.entries(e.decisions).map(([d, n]) => [`decisions_${d}`, n] as [string, unknown]),
    ["remediation_open", e.remediation.open], ["remediation_done", e.remediation.done],
    ["closed_by", c.closedBy], ["closed_at", c.closedAt], ["sign_off", c.signOff],
    ["cancelled_by", c.cancelledBy], ["cancelled_at", c.cancelledAt],
    ["generated_by", e.generatedBy], ["generated_at", e.generatedAt],
  ];
  return csvRow(["field", "value"]) + rows.map((r) => csvRow(r)).join("");
}

function reviewersCsv(e: CampaignEvidenceDto): string {
  return csvRow(["reviewer", "items", "decided", "pending"]) + e.reviewers.map((r) => csvRow([r.email, r.items, r.decided, r.pending])).join("");
}

function itemsCsv(e: CampaignEvidenceDto): string {
  const lines = e.items.map((i) =>
    csvRow([
      i.itemId, i.identityId, i.identityName, i.identityType, i.sourceName, i.environment, i.ownerEmail, i.riskScore,
      i.reviewerEmail, i.reviewerBasis, i.escalationLevel, i.delegatedBy,
      i.decision, i.decidedBy, i.decidedAt, i.decidedByDefault, i.comment, i.newOwnerEmail, i.newEndDate,
      i.remediation?.action, i.remediation?.status, i.remediation?.doneAt, i.remediation?.doneBy, i.remediation?.resolution,
    ]),
  );
  return csvRow(ITEM_COLUMNS) + lines.join("");
}

function file(name: string, content: string): EvidenceFile {
  const bytes = Buffer.from(content, "utf8");
  return { name, content, sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length };
}

/** Builds the campaign's CSV evidence pack and records the export (with the hashes) in the audit chain. */
export async function exportCampaignEvidenceCsv(caller: Caller, id: string, now = new Date()): Promise<EvidencePack> {
  requirePermission(caller, "reports:export");
  return inTransaction(getDb(), async (x) => {
    const evidence = await readEvidence(x, id, caller.email, now);
    const files = [file("campaign.csv", campaignCsv(evidence)), file("reviewers.csv", reviewersCsv(evidence)), file("items.csv", itemsCsv(evidence))];
    const manifest = files.map((f) => `${f.sha256}  ${f.name}\n`).join("");
    await appendAuditEvents(x.handle, [
      campaignEvent(callerAsActor(caller), "campaign.evidence_exported", id, { format: "csv", files: files.map((f) => ({ name: f.name, sha256: f.sha256, bytes: f.bytes })) }),
    ]);
    return { files, manifest, evidence };
  });
}
