import "server-only";
import type pg from "pg";
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
 * Where the caller's transaction lives: a Prisma interactive transaction, or a `pg` client inside
 * BEGIN (the sync loader's bulk path). Either way the audit rows commit with the change or not at all.
 */
export type AuditExecutor = Tx | pg.ClientBase;

type Query = (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

function queryOf(executor: AuditExecutor): Query {
  if ("$queryRawUnsafe" in executor) return (sql, params) => executor.$queryRawUnsafe(sql, ...params);
  return async (sql, params) => (await executor.query(sql, params)).rows;
}

const INSERT_BATCH = `
  INSERT INTO audit_events (occurred_at, actor_type, actor_id, actor_label, action, target_type, target_id, summary, prev_hash, hash)
  SELECT occurred_at, actor_type, actor_id, actor_label, action, target_type, target_id, summary, prev_hash, hash
  FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::text[], $10::text[])
    WITH ORDINALITY AS t(occurred_at, actor_type, actor_id, actor_label, action, target_type, target_id, summary, prev_hash, hash, n)
  ORDER BY n`;

/**
 * Appends events to the hash chain inside the caller's transaction (fail closed: if the audit
 * write fails, the change fails with it).
 */
export async function appendAuditEvents(
  executor: AuditExecutor,
  events: AuditEventInput[],
  key: Buffer = getInstanceKeys().auditKey,
): Promise<void> {
  if (events.length === 0) return;
  const query = queryOf(executor);
  await query("SELECT pg_advisory_xact_lock($1)::text", [AUDIT_CHAIN_LOCK]);
  const last = await query("SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1", []);
  let prevHash = (last[0]?.hash as string | undefined) ?? GENESIS_HASH;
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
  // One statement for the whole batch: a sync audits thousands of changes at a time.
  await query(INSERT_BATCH, [
    rows.map((r) => r.occurredAt),
    rows.map((r) => r.actorType),
    rows.map((r) => r.actorId),
    rows.map((r) => r.actorLabel),
    rows.map((r) => r.action),
    rows.map((r) => r.targetType),
    rows.map((r) => r.targetId),
    rows.map((r) => JSON.stringify(r.summary)),
    rows.map((r) => r.prevHash),
    rows.map((r) => r.hash),
  ]);
}

export async function appendAuditEvent(executor: AuditExecutor, event: AuditEventInput): Promise<void> {
  await appendAuditEvents(executor, [event]);
}
