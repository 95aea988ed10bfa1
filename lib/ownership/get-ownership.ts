import "server-only";
import { requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { identityIdSchema } from "@/lib/ownership/ownership-schemas";
import { directoryPeople, ownerCandidatesOf, type OwnerCandidateRow } from "@/lib/ownership/owner-queries";
import type { DirectoryPersonDto, OwnerCandidateDto, OwnershipDto } from "@/lib/ownership/ownership-types";

type IdentityRow = {
  name: string;
  team: string | null;
  purpose: string | null;
  end_date: Date | null;
  owner_email: string | null;
  backup_email: string | null;
  note: string | null;
  assigned_by: string | null;
  assigned_at: Date | null;
  confirmed_by: string | null;
  confirmed_at: Date | null;
  declared_by: string | null;
  declared_at: Date | null;
};

function toCandidates(rows: readonly OwnerCandidateRow[], directory: Map<string, DirectoryPersonDto>): OwnerCandidateDto[] {
  return rows.map((row, index) => ({ ...row, ...directory.get(row.email)!, winner: index === 0 }));
}

/**
 * An identity's owner with its provenance, every claim from every level (which one won and why),
 * the backup, the confirmation and the declared purpose; each person as the directory knows them.
 * Readers with `inventory:read`; a user with the owner role only for an identity that names them
 * (at any level, or as backup), as they would see it on "My identities".
 */
export async function getOwnership(caller: Caller, identityId: string): Promise<OwnershipDto> {
  requirePermission(caller, "inventory:read");
  const parsedId = identityIdSchema.safeParse(identityId);
  if (!parsedId.success) throw new AppError("INVALID_INPUT", "Not an identity id.", "identityId");
  const id = parsedId.data;

  return getDb().$transaction(
    async (tx) => {
      const [identity] = await tx.$queryRaw<IdentityRow[]>`
        SELECT i.name, nullif(btrim(i.owner_hint->>'team'), '') AS team, i.purpose, i.end_date,
               a.owner_email, a.backup_email, a.note, a.assigned_by, a.assigned_at, a.confirmed_by, a.confirmed_at,
               d.declared_by, d.declared_at
        FROM identities i
        LEFT JOIN owner_assignments a ON a.identity_id = i.id
        LEFT JOIN purpose_declarations d ON d.identity_id = i.id
        WHERE i.id = ${id}::uuid`;
      if (!identity) throw new AppError("NOT_FOUND", "That identity does not exist.");
      const rows = await ownerCandidatesOf(tx, id);
      const email = caller.email.toLowerCase();
      if (caller.role === "owner" && identity.backup_email !== email && !rows.some((row) => row.email === email)) {
        throw new AppError("FORBIDDEN", "You can only see the ownership of identities that name you.");
      }

      const directory = await directoryPeople(tx, [...rows.map((r) => r.email), ...(identity.backup_email ? [identity.backup_email] : [])]);
      const candidates = toCandidates(rows, directory);
      const owner = candidates[0] ?? null;
      return {
        identityId: id,
        identityName: identity.name,
        owner,
        owned: owner !== null && owner.kind !== "suggested",
        backup: identity.backup_email ? directory.get(identity.backup_email)! : null,
        assignment: identity.assigned_by && identity.assigned_at
          ? { assignedBy: identity.assigned_by, assignedAt: identity.assigned_at.toISOString(), note: identity.note }
          : null,
        confirmation: identity.confirmed_by && identity.confirmed_at
          ? { confirmedBy: identity.confirmed_by, confirmedAt: identity.confirmed_at.toISOString() }
          : null,
        team: identity.team,
        candidates,
        purpose: {
          purpose: identity.purpose,
          endDate: identity.end_date?.toISOString() ?? null,
          declared: identity.declared_by && identity.declared_at ? { by: identity.declared_by, at: identity.declared_at.toISOString() } : null,
        },
      };
    },
    { isolationLevel: "RepeatableRead" },
  );
}
