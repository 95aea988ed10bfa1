import "server-only";
import type { Tx } from "@/lib/db";
import { getInstanceKeys } from "@/lib/runtime/instance-keys";
import {
  GENESIS_HASH,
  hashAuditEvent,
  normaliseSummary,
  type AuditEventInput,
  type ChainedFields,
} from "@/lib/audit/audit-hash";

/** Serialises appends so each event links to the one committed before it. */
const AUDIT_CHAIN_LOCK = 7_372_002;

/**
 * Appends events to the hash chain inside the caller's transaction: the change and its audit
 * record commit together or not at all (fail closed).
 */
export async function appendAuditEvents(tx: Tx, events: AuditEventInput[], key = getInstanceKeys().auditKey): Promise<void> {
  if (events.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.$queryRaw<{ hash: string }[]>`SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1`;
  let prevHash = last[0]?.hash ?? GENESIS_HASH;
  const occurredAt = new Date();
  const rows = events.map((event) => {
    const fields: ChainedFields = {
      occurredAt,
      actorType: event.actor.type,
      actorId: event.actor.id ?? null,
      actorLabel: event.actor.label,
      action: event.action,
      targetType: event.target?.type ?? null,
      targetId: event.target?.id ?? null,
      summary: normaliseSummary(event.summary),
    };
    const hash = hashAuditEvent(key, prevHash, fields);
    const row = { ...fields, prevHash, hash };
    prevHash = hash;
    return row;
  });
  // One statement for the whole batch: syncs audit thousands of changes at a time.
  await tx.$executeRaw`
    INSERT INTO audit_events (occurred_at, actor_type, actor_id, actor_label, action, target_type, target_id, summary, prev_hash, hash)
    SELECT occurred_at, actor_type, actor_id, actor_label, action, target_type, target_id, summary, prev_hash, hash
    FROM unnest(
      ${rows.map((r) => r.occurredAt)}::timestamptz[], ${rows.map((r) => r.actorType)}::text[],
      ${rows.map((r) => r.actorId)}::text[], ${rows.map((r) => r.actorLabel)}::text[],
      ${rows.map((r) => r.action)}::text[], ${rows.map((r) => r.targetType)}::text[],
      ${rows.map((r) => r.targetId)}::text[], ${rows.map((r) => JSON.stringify(r.summary))}::jsonb[],
      ${rows.map((r) => r.prevHash)}::text[], ${rows.map((r) => r.hash)}::text[]
    ) WITH ORDINALITY AS t(occurred_at, actor_type, actor_id, actor_label, action, target_type, target_id, summary, prev_hash, hash, n)
    ORDER BY n`;
}

export async function appendAuditEvent(tx: Tx, event: AuditEventInput): Promise<void> {
  await appendAuditEvents(tx, [event]);
}
