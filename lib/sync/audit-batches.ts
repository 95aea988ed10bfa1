import "server-only";
import type { AuditActor, AuditEventInput } from "@/lib/audit/audit-hash";

/**
 * Records per inventory audit event. A first sync of a million credentials writes a thousand
 * events, not a million, and each still names every record it covers (never a value).
 */
export const AUDIT_BATCH_SIZE = 1000;

export type InventoryAction = "inventory.discovered" | "inventory.changed" | "inventory.returned" | "inventory.gone";

/**
 * How a record is named in a summary: its external type and id. An edge's "id" is
 * `<from type>/<from id> -> <to type>/<to id>` under its `edge:<stream>:<relation>` type;
 * a team is ("team", name).
 */
export type AuditRef = { externalType: string; externalId: string };

export type AuditContext = { actor: AuditActor; runId: string; sourceId: string };

/**
 * One event per up to AUDIT_BATCH_SIZE records of one kind, linked to the run. Ids are grouped
 * by external type (`ids: { "aws.access_key": ["AKIA…", …] }`): compact, so a large sync's audit
 * trail stays a small fraction of its write volume.
 */
export function inventoryEvents(action: InventoryAction, kind: string, refs: readonly AuditRef[], ctx: AuditContext): AuditEventInput[] {
  const events: AuditEventInput[] = [];
  for (let start = 0; start < refs.length; start += AUDIT_BATCH_SIZE) {
    const ids: Record<string, string[]> = {};
    const end = Math.min(refs.length, start + AUDIT_BATCH_SIZE);
    for (let i = start; i < end; i++) (ids[refs[i]!.externalType] ??= []).push(refs[i]!.externalId);
    events.push({
      actor: ctx.actor,
      action,
      target: { type: "sync_run", id: ctx.runId },
      summary: { sourceId: ctx.sourceId, kind, count: end - start, externalTypes: Object.keys(ids).sort(), ids },
    });
  }
  return events;
}

/** Turns a returned row (audit columns of kind-specs.ts, in order) into its reference. */
export function auditRefOf(kind: string, row: readonly unknown[]): AuditRef {
  if (kind === "edge") {
    return { externalType: String(row[0]), externalId: `${row[2]}/${row[3]} -> ${row[4]}/${row[5]}` };
  }
  return { externalType: String(row[0]), externalId: String(row[1]) };
}
