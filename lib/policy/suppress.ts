import "server-only";
import { z } from "zod";
import { appendAuditEvent } from "@/lib/audit/append-audit-events";
import { callerAsActor, requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { normaliseEnvironment } from "@/lib/domain/policy-thresholds";
import { MIN_JUSTIFICATION_CHARS } from "@/lib/domain/risk-acceptance";
import { AppError } from "@/lib/errors";
import { invalidInput } from "@/lib/policy/errors";
import { appendAuditInChunks, batchEvents, type AuditBatch } from "@/lib/policy/audit-batches";
import { findRule, SUBJECT_TYPES } from "@/lib/policy/catalogue";
import { batchedForAudit, subjectJoins, suppressionCovers } from "@/lib/policy/lifecycle-sql";

export const suppressionScopeSchema = z
  .strictObject({
    subjectType: z.enum(SUBJECT_TYPES, { error: "Choose identity or credential." }).optional(),
    subjectId: z.uuid({ error: "Not an identity or credential id." }).optional(),
    sourceId: z.uuid({ error: "Not a source id." }).optional(),
    environment: z.string().trim().min(1).max(64).transform(normaliseEnvironment).optional(),
  })
  .refine((s) => !s.subjectId || s.subjectType, { message: "Say whether the subject is an identity or a credential.", path: ["subjectType"] });

export const suppressSchema = z.object({
  rule: z.string({ error: "Choose a rule." }).refine((id) => findRule(id) !== undefined, { message: "Unknown policy rule." }),
  /** Which of the rule's findings: all of them when empty. */
  scope: suppressionScopeSchema.default({}),
  reason: z.string().trim().min(MIN_JUSTIFICATION_CHARS, `Explain the suppression (at least ${MIN_JUSTIFICATION_CHARS} characters).`).max(2000),
});
export type SuppressInput = z.input<typeof suppressSchema>;

/**
 * Suppresses a rule's findings within a scope (subject, source, environment; all when empty):
 * those open or accepted now become `suppressed`, and later violations in the scope arrive
 * suppressed. Audited as `suppression.created` plus batched `finding.suppressed`.
 */
export async function suppressFindings(caller: Caller, input: SuppressInput): Promise<{ suppressionId: string; suppressed: number }> {
  requirePermission(caller, "findings:triage");
  const parsed = suppressSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { rule, scope, reason } = parsed.data;
  const actor = callerAsActor(caller);

  return getDb().$transaction(async (tx) => {
    const suppression = await tx.findingSuppression.create({
      data: { rule, reason, createdBy: caller.email, subjectType: scope.subjectType, subjectId: scope.subjectId, sourceId: scope.sourceId, environment: scope.environment },
    });
    await appendAuditEvent(tx, {
      actor,
      action: "suppression.created",
      target: { type: "suppression", id: suppression.id },
      summary: { rule, scope, reason },
    });
    const batches = await tx.$queryRawUnsafe<AuditBatch[]>(
      batchedForAudit(`UPDATE findings f SET status = 'suppressed', suppression_id = $1::uuid, accepted_until = NULL, justification = NULL
        FROM (SELECT f.id FROM findings f JOIN finding_suppressions s ON s.id = $1::uuid ${subjectJoins("f")}
              WHERE f.rule = s.rule AND f.status IN ('open', 'accepted') AND ${suppressionCovers("s", "f")}) t
        WHERE f.id = t.id
        RETURNING f.rule, f.subject_type, f.subject_id::text AS subject_id, f.status`),
      suppression.id,
    );
    await appendAuditInChunks(tx, batchEvents(batches, { actor, action: "finding.suppressed", reason, extra: { suppressionId: suppression.id } }));
    return { suppressionId: suppression.id, suppressed: batches.reduce((sum, b) => sum + Number(b.n), 0) };
  });
}

/**
 * Lifts a suppression: its findings become `open` again (the next evaluation resolves those whose
 * condition has cleared). Audited as `suppression.lifted` plus batched `finding.reopened`.
 */
export async function liftSuppression(caller: Caller, suppressionId: string): Promise<{ reopened: number }> {
  requirePermission(caller, "findings:triage");
  if (!z.uuid().safeParse(suppressionId).success) throw new AppError("INVALID_INPUT", "Not a suppression id.", "suppressionId");
  const actor = callerAsActor(caller);
  return getDb().$transaction(async (tx) => {
    const lifted = await tx.findingSuppression.updateMany({
      where: { id: suppressionId, liftedAt: null },
      data: { liftedAt: new Date(), liftedBy: caller.email },
    });
    if (lifted.count === 0) throw new AppError("NOT_FOUND", "No suppression in force with that id.");
    await appendAuditEvent(tx, { actor, action: "suppression.lifted", target: { type: "suppression", id: suppressionId } });
    const batches = await tx.$queryRawUnsafe<AuditBatch[]>(
      batchedForAudit(`UPDATE findings f SET status = 'open', suppression_id = NULL
        FROM finding_suppressions s
        WHERE s.id = $1::uuid AND f.rule = s.rule AND f.status = 'suppressed' AND f.suppression_id = s.id
        RETURNING f.rule, f.subject_type, f.subject_id::text AS subject_id, f.status`),
      suppressionId,
    );
    await appendAuditInChunks(tx, batchEvents(batches, { actor, action: "finding.reopened", reason: "suppression lifted", extra: { suppressionId } }));
    return { reopened: batches.reduce((sum, b) => sum + Number(b.n), 0) };
  });
}
