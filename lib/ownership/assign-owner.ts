import "server-only";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import { callerAsActor, requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { invalidInput } from "@/lib/policy/errors";
import { ownershipEvents, type PreviousAssignment } from "@/lib/ownership/ownership-audit";
import { assignOwnerSchema, clearOwnerSchema, type AssignOwnerInput, type ClearOwnerInput } from "@/lib/ownership/ownership-schemas";
import { directoryPeople, lockIdentities } from "@/lib/ownership/owner-queries";
import type { DirectoryPersonDto } from "@/lib/ownership/ownership-types";

/** A bulk change of 10,000 identities locks and writes them all; Prisma's default is 5 s. */
export const OWNERSHIP_TRANSACTION_TIMEOUT_MS = 60_000;

export type AssignOwnerResult = {
  assigned: number;
  /** The owner and backup as the directory knows them; `unknown` is allowed but worth a second look. */
  owner: DirectoryPersonDto;
  backup: DirectoryPersonDto | null;
};

async function previousAssignments(tx: Tx, identityIds: readonly string[]): Promise<PreviousAssignment[]> {
  return tx.$queryRaw<PreviousAssignment[]>`
    SELECT identity_id::text AS "identityId", owner_email AS "ownerEmail", backup_email AS "backupEmail"
    FROM owner_assignments WHERE identity_id = ANY(${identityIds}::uuid[])`;
}

/** Someone who left cannot be made accountable for anything: owner-departed would fire at once. */
function refuseDeparted(person: DirectoryPersonDto | null, field: "ownerEmail" | "backupEmail"): void {
  if (person?.status === "left") {
    throw new AppError("INVALID_INPUT", `${person.email} has left the organisation, says the people directory.`, field);
  }
}

/**
 * Makes `ownerEmail` the explicit owner (resolution level 1) of up to 10,000 identities in one
 * transaction, with an optional backup and note. A confirmation survives only a re-assignment to
 * the same owner. Audited as `ownership.assigned`, one event per 1,000 identities.
 */
export async function assignOwner(caller: Caller, input: AssignOwnerInput): Promise<AssignOwnerResult> {
  requirePermission(caller, "inventory:write");
  const parsed = assignOwnerSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { identityIds, ownerEmail, backupEmail = null, note = null } = parsed.data;

  return getDb().$transaction(
    async (tx) => {
      const directory = await directoryPeople(tx, backupEmail ? [ownerEmail, backupEmail] : [ownerEmail]);
      const owner = directory.get(ownerEmail)!;
      const backup = backupEmail ? directory.get(backupEmail)! : null;
      refuseDeparted(owner, "ownerEmail");
      refuseDeparted(backup, "backupEmail");

      await lockIdentities(tx, identityIds);
      const previous = await previousAssignments(tx, identityIds);
      await tx.$executeRaw`
        INSERT INTO owner_assignments (identity_id, owner_email, backup_email, note, assigned_by, assigned_at)
        SELECT id, ${ownerEmail}, ${backupEmail}, ${note}, ${caller.email}, now() FROM unnest(${identityIds}::uuid[]) AS id
        ON CONFLICT (identity_id) DO UPDATE SET
          owner_email = excluded.owner_email, backup_email = excluded.backup_email, note = excluded.note,
          assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at,
          confirmed_by = CASE WHEN owner_assignments.owner_email = excluded.owner_email THEN owner_assignments.confirmed_by END,
          confirmed_at = CASE WHEN owner_assignments.owner_email = excluded.owner_email THEN owner_assignments.confirmed_at END`;
      await appendAuditEvents(
        tx,
        ownershipEvents("ownership.assigned", callerAsActor(caller), identityIds, { ownerEmail, backupEmail, note, ownerInDirectory: owner.status }, previous),
      );
      return { assigned: identityIds.length, owner, backup };
    },
    { timeout: OWNERSHIP_TRANSACTION_TIMEOUT_MS },
  );
}

/**
 * Removes the explicit assignment (and its backup and confirmation) of up to 10,000 identities:
 * their owner is resolved from the sources again. Identities without one are left as they are.
 * Audited as `ownership.cleared` for those that had one.
 */
export async function clearOwner(caller: Caller, input: ClearOwnerInput): Promise<{ cleared: number }> {
  requirePermission(caller, "inventory:write");
  const parsed = clearOwnerSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { identityIds } = parsed.data;

  return getDb().$transaction(
    async (tx) => {
      await lockIdentities(tx, identityIds);
      const previous = await tx.$queryRaw<PreviousAssignment[]>`
        DELETE FROM owner_assignments WHERE identity_id = ANY(${identityIds}::uuid[])
        RETURNING identity_id::text AS "identityId", owner_email AS "ownerEmail", backup_email AS "backupEmail"`;
      const cleared = previous.map((p) => p.identityId).sort();
      await appendAuditEvents(tx, ownershipEvents("ownership.cleared", callerAsActor(caller), cleared, {}, previous));
      return { cleared: cleared.length };
    },
    { timeout: OWNERSHIP_TRANSACTION_TIMEOUT_MS },
  );
}
