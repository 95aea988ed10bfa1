import "server-only";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import { callerAsActor, type Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireOwnershipActor } from "@/lib/ownership/ownership-access";
import { ownershipEvents } from "@/lib/ownership/ownership-audit";
import { identityIdSchema } from "@/lib/ownership/ownership-schemas";
import { lockIdentities, resolvedOwnerOf } from "@/lib/ownership/owner-queries";

export type ConfirmOwnershipResult = { ownerEmail: string; confirmedAt: string; promotedFrom: string | null };

/**
 * The resolved owner confirms they own the identity (an analyst may record it for them). An owner
 * named only by a source, a catalog or a suggestion becomes the explicit owner: confirming turns
 * a claim into an assignment, so no later sync can take it away. Audited as `ownership.confirmed`.
 */
export async function confirmOwnership(caller: Caller, identityId: string): Promise<ConfirmOwnershipResult> {
  const parsedId = identityIdSchema.safeParse(identityId);
  if (!parsedId.success) throw new AppError("INVALID_INPUT", "Not an identity id.", "identityId");

  return getDb().$transaction(async (tx) => {
    await lockIdentities(tx, [parsedId.data]);
    const owner = await resolvedOwnerOf(tx, parsedId.data);
    // Confirming is the primary owner's word; a backup cannot give it for them.
    requireOwnershipActor(caller, owner, { asBackup: false });
    if (!owner) throw new AppError("CONFLICT", "Nobody is named as this identity's owner yet: assign an owner first.");

    const promotedFrom = owner.kind === "explicit" ? null : owner.provenance;
    const [row] = await tx.$queryRaw<Array<{ confirmed_at: Date }>>`
      INSERT INTO owner_assignments (identity_id, owner_email, note, assigned_by, confirmed_by, confirmed_at)
      VALUES (${parsedId.data}::uuid, ${owner.email}, ${promotedFrom ? `Confirmed from ${promotedFrom}` : null}, ${caller.email}, ${caller.email}, now())
      ON CONFLICT (identity_id) DO UPDATE SET confirmed_by = excluded.confirmed_by, confirmed_at = excluded.confirmed_at
      RETURNING confirmed_at`;
    await appendAuditEvents(
      tx,
      ownershipEvents("ownership.confirmed", callerAsActor(caller), [parsedId.data], { ownerEmail: owner.email, kind: owner.kind, provenance: owner.provenance }),
    );
    return { ownerEmail: owner.email, confirmedAt: row!.confirmed_at.toISOString(), promotedFrom };
  });
}
