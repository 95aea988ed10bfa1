import "server-only";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import { callerAsActor, type Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { invalidInput } from "@/lib/policy/errors";
import { requireOwnershipActor } from "@/lib/ownership/ownership-access";
import { ownershipEvents } from "@/lib/ownership/ownership-audit";
import { declarePurposeSchema, type DeclarePurposeInput } from "@/lib/ownership/ownership-schemas";
import { lockIdentities, resolvedOwnerOf } from "@/lib/ownership/owner-queries";

/**
 * The owner (or backup, or an analyst) declares what an identity is for and, optionally, until
 * when. The declaration is kept apart from what sources report and also written to
 * identities.purpose / end_date, which a trigger keeps across re-syncs; the `outlived-purpose`
 * rule reads those. An end date already past is allowed: it says the identity should be gone.
 * Audited as `identity.purpose_declared` with the values it replaced.
 */
export async function declarePurpose(caller: Caller, input: DeclarePurposeInput): Promise<{ purpose: string; endDate: string | null }> {
  const parsed = declarePurposeSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { identityId, purpose } = parsed.data;
  const endDate = parsed.data.endDate ?? null;

  return getDb().$transaction(async (tx) => {
    await lockIdentities(tx, [identityId]);
    requireOwnershipActor(caller, await resolvedOwnerOf(tx, identityId), { asBackup: true });

    const [before] = await tx.$queryRaw<Array<{ purpose: string | null; end_date: Date | null }>>`
      SELECT purpose, end_date FROM identities WHERE id = ${identityId}::uuid`;
    // The declaration first: the trigger that guards identities.purpose reads it.
    await tx.$executeRaw`
      INSERT INTO purpose_declarations (identity_id, purpose, end_date, declared_by, declared_at)
      VALUES (${identityId}::uuid, ${purpose}, ${endDate}, ${caller.email}, now())
      ON CONFLICT (identity_id) DO UPDATE SET purpose = excluded.purpose, end_date = excluded.end_date,
        declared_by = excluded.declared_by, declared_at = excluded.declared_at`;
    await tx.$executeRaw`UPDATE identities SET purpose = ${purpose}, end_date = ${endDate} WHERE id = ${identityId}::uuid`;
    await appendAuditEvents(
      tx,
      ownershipEvents("identity.purpose_declared", callerAsActor(caller), [identityId], {
        purpose,
        endDate: endDate?.toISOString() ?? null,
        before: { purpose: before?.purpose ?? null, endDate: before?.end_date?.toISOString() ?? null },
      }),
    );
    return { purpose, endDate: endDate?.toISOString() ?? null };
  });
}
