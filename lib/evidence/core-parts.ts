import "server-only";
import { Writable } from "node:stream";
import type { Caller } from "@/lib/auth/session-context";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EvidencePart } from "@/lib/evidence/evidence-part";
import { findingsCsv } from "@/lib/evidence/findings-csv";
import { writeExportCsv } from "@/lib/inventory/export-csv";
import { exportInventory } from "@/lib/inventory/export-inventory";
import { writeExportJson } from "@/lib/inventory/export-json";
import { findingsAsOf, listFindings } from "@/lib/policy/list-findings";

/** Where the core files sit in the ZIP (docs/evidence.md "Contents"). */
export const CORE_PATHS = {
  inventoryJson: "inventory/inventory.json",
  inventoryCsv: "inventory/inventory.csv",
  findingsJson: "findings/findings.json",
  findingsCsv: "findings/findings.csv",
  auditChain: "audit/audit-chain-verification.json",
} as const;

/** Same bound as the export's snapshot: a million rows take minutes, not hours. */
const SNAPSHOT_TIMEOUT_MS = 60 * 60 * 1000;

/** Collects what the streaming export writers produce into one buffer. */
class BufferSink extends Writable {
  private readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, "utf8"));
    done();
  }
  contents(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/**
 * The inventory export as JSON and CSV, both read from ONE repeatable-read snapshot, so the two
 * files describe the same inventory even while a sync commits.
 */
async function inventoryParts(caller: Caller, asOf: Date): Promise<EvidencePart[]> {
  return getDb().$transaction(
    async (tx) => {
      const json = new BufferSink();
      await writeExportJson(await exportInventory(caller, { asOf, db: tx }), json);
      const csv = new BufferSink();
      await writeExportCsv(await exportInventory(caller, { asOf, db: tx }), csv);
      return [
        { path: CORE_PATHS.inventoryJson, contents: json.contents() },
        { path: CORE_PATHS.inventoryCsv, contents: csv.contents() },
      ];
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: SNAPSHOT_TIMEOUT_MS, maxWait: 30_000 },
  );
}

/** Findings as `keyward findings --format json|csv` shows them: recorded now, computed for a past instant. */
async function findingsParts(caller: Caller, asOf: Date, computed: boolean): Promise<EvidencePart[]> {
  const findings = computed ? await findingsAsOf(caller, asOf) : await listFindings(caller);
  return [
    { path: CORE_PATHS.findingsJson, contents: `${JSON.stringify({ asOf: asOf.toISOString(), computed, findings }, null, 2)}\n` },
    { path: CORE_PATHS.findingsCsv, contents: findingsCsv(findings) },
  ];
}

/** The audit chain verified now (the chain has no past state to verify "as of"). */
async function auditChainPart(auditKey: Buffer): Promise<EvidencePart> {
  const verifiedAt = new Date().toISOString();
  const result = await verifyAuditChain(getDb(), auditKey);
  return { path: CORE_PATHS.auditChain, contents: `${JSON.stringify({ verifiedAt, ...result }, null, 2)}\n` };
}

/** The files every pack holds. `computed`: asOf was asked for, so findings are evaluated as of then. */
export async function buildCoreParts(caller: Caller, asOf: Date, computed: boolean, auditKey: Buffer): Promise<EvidencePart[]> {
  return [...(await inventoryParts(caller, asOf)), ...(await findingsParts(caller, asOf, computed)), await auditChainPart(auditKey)];
}
