/* Helpers of the export integration tests (never imported by production code). */

import { PassThrough } from "node:stream";
import { systemCaller } from "@/lib/auth/session-context";
import type { Db } from "@/lib/db";
import { exportInventory } from "@/lib/inventory/export-inventory";
import { writeExportJson } from "@/lib/inventory/export-json";

/** Test helper: the export document as parsed JSON, through the same streaming writer the CLI uses. */
export async function exportAsJson(db: Db, options: { asOf?: Date; includeGone?: boolean } = {}): Promise<ExportedDocument> {
  const document = await exportInventory(systemCaller("test export"), { ...options, db });
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  await writeExportJson(document, out);
  out.end();
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as ExportedDocument;
}

export type ExportedDocument = {
  keyward: string;
  asOf: string;
  identities: Record<string, unknown>[];
  credentials: Record<string, unknown>[];
  resources: Record<string, unknown>[];
  edges: Record<string, unknown>[];
  people: Record<string, unknown>[];
  findings: Record<string, unknown>[];
};

/** Fields that name this installation's rows or when it loaded them: they differ between databases. */
const LOAD_FIELDS = new Set(["id", "identityId", "fromId", "toId", "subjectId", "firstSeenAt", "lastChangedAt"]);

/**
 * An export without installation-specific fields, every section sorted by content: two exports of
 * the same inventory compare equal.
 */
export function comparable(document: ExportedDocument): Omit<ExportedDocument, "asOf"> {
  const strip = (entry: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(entry).filter(([key]) => !LOAD_FIELDS.has(key)));
  const section = (entries: Record<string, unknown>[]) =>
    entries.map(strip).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return {
    keyward: document.keyward,
    identities: section(document.identities),
    credentials: section(document.credentials),
    resources: section(document.resources),
    edges: section(document.edges),
    people: section(document.people),
    findings: section(document.findings),
  };
}
