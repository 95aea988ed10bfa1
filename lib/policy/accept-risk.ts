import "server-only";
import { z } from "zod";
import { appendAuditEvent } from "@/lib/audit/append-audit-events";
import { callerAsActor, requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { checkRiskAcceptance } from "@/lib/domain/risk-acceptance";
import { AppError } from "@/lib/errors";
import { invalidInput } from "@/lib/policy/errors";

export const acceptRiskSchema = z.object({
  justification: z.string({ error: "Explain why the risk is acceptable." }),
  /** When the acceptance ends; the next evaluation after it reopens the finding. */
  until: z.union([z.date(), z.iso.datetime({ offset: true })], { error: "Give the end of the acceptance as a date and time." }),
});
export type AcceptRiskInput = z.input<typeof acceptRiskSchema>;

const findingIdSchema = z.uuid();

/**
 * Accepts the risk of an open (or already accepted: extends it) finding until a date at most a
 * year ahead, with a justification; audited as `finding.accepted`. A resolved or suppressed
 * finding cannot be accepted (CONFLICT).
 */
export async function acceptFindingRisk(
  caller: Caller,
  findingId: string,
  input: AcceptRiskInput,
): Promise<{ id: string; status: "accepted"; acceptedUntil: string }> {
  requirePermission(caller, "findings:triage");
  if (!findingIdSchema.safeParse(findingId).success) throw new AppError("INVALID_INPUT", "Not a finding id.", "findingId");
  const parsed = acceptRiskSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const until = new Date(parsed.data.until);
  const justification = parsed.data.justification.trim();
  const problem = checkRiskAcceptance({ justification, until }, new Date());
  if (problem) throw new AppError("INVALID_INPUT", problem.message, problem.field);

  return getDb().$transaction(async (tx) => {
    // Locked so an evaluation running now cannot resolve or reopen it under us.
    const [finding] = await tx.$queryRaw<Array<{ rule: string; status: string; subject_type: string; subject_id: string; accepted_until: Date | null }>>`
      SELECT rule, status, subject_type, subject_id::text, accepted_until FROM findings WHERE id = ${findingId}::uuid FOR UPDATE`;
    if (!finding) throw new AppError("NOT_FOUND", "That finding does not exist.");
    if (finding.status !== "open" && finding.status !== "accepted") {
      throw new AppError("CONFLICT", `Only open findings can be accepted; this one is ${finding.status}.`, "status");
    }
    await tx.finding.update({ where: { id: findingId }, data: { status: "accepted", justification, acceptedUntil: until } });
    await appendAuditEvent(tx, {
      actor: callerAsActor(caller),
      action: "finding.accepted",
      target: { type: "finding", id: findingId },
      summary: {
        rule: finding.rule,
        subjectType: finding.subject_type,
        subjectId: finding.subject_id,
        before: finding.status,
        previousUntil: finding.accepted_until?.toISOString() ?? null,
        until: until.toISOString(),
        justification,
      },
    });
    return { id: findingId, status: "accepted" as const, acceptedUntil: until.toISOString() };
  });
}
