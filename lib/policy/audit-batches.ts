import "server-only";
import type { AuditActor, AuditEventInput } from "@/lib/audit/audit-hash";
import { appendAuditEvents, type AuditExecutor } from "@/lib/audit/append-audit-events";

/** One audit event's worth of findings that made the same transition (see batchedForAudit). */
export type AuditBatch = { rule: string; subject_type: string; status: string; n: number; subject_ids: string[] };

/** Events per INSERT: each carries up to 1,000 subject ids, so a statement stays a few MB. */
const EVENTS_PER_STATEMENT = 50;

export function batchEvents(
  batches: readonly AuditBatch[],
  context: { actor: AuditActor; action: string; reason: string; extra?: Record<string, unknown> },
): AuditEventInput[] {
  return batches.map((batch) => ({
    actor: context.actor,
    action: context.action,
    target: { type: "policy_rule", id: batch.rule },
    summary: {
      rule: batch.rule,
      subjectType: batch.subject_type,
      status: batch.status,
      reason: context.reason,
      ...context.extra,
      count: Number(batch.n),
      subjectIds: batch.subject_ids,
    },
  }));
}

export async function appendAuditInChunks(executor: AuditExecutor, events: readonly AuditEventInput[], key?: Buffer): Promise<void> {
  for (let i = 0; i < events.length; i += EVENTS_PER_STATEMENT) {
    await appendAuditEvents(executor, events.slice(i, i + EVENTS_PER_STATEMENT), key);
  }
}
