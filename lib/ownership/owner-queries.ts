import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { DirectoryPersonDto, DirectoryStatus, OwnerKind, OwnerOrigin } from "@/lib/ownership/ownership-types";

/*
 * Reads of the resolution functions of migration 20261204020000_ownership (owner_candidates,
 * resolved_owners), as of now. The SQL functions are inlined by the planner, so a filter on one
 * identity uses each branch's index.
 */

export type ResolvedOwner = {
  email: string;
  kind: OwnerKind;
  origin: OwnerOrigin;
  provenance: string;
  backupEmail: string | null;
};

export type OwnerCandidateRow = {
  email: string;
  kind: OwnerKind;
  origin: OwnerOrigin;
  provenance: string;
  sourceName: string | null;
};

/**
 * Locks the identities (so an assignment, a confirmation and a declaration on one identity take
 * turns) and refuses the whole change when any id is unknown.
 */
export async function lockIdentities(tx: Tx, identityIds: readonly string[]): Promise<void> {
  const found = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id::text FROM identities WHERE id = ANY(${identityIds}::uuid[]) ORDER BY id FOR UPDATE`;
  if (found.length === identityIds.length) return;
  const known = new Set(found.map((row) => row.id));
  const missing = identityIds.filter((id) => !known.has(id));
  throw new AppError(
    "NOT_FOUND",
    missing.length === 1 ? `Identity ${missing[0]} does not exist.` : `${missing.length} of the identities do not exist (first: ${missing[0]}).`,
    "identityIds",
  );
}

export async function resolvedOwnerOf(tx: Tx, identityId: string): Promise<ResolvedOwner | null> {
  const [row] = await tx.$queryRaw<Array<{ email: string; kind: OwnerKind; origin: OwnerOrigin; provenance: string; backup_email: string | null }>>`
    SELECT email, kind, origin, provenance, backup_email FROM resolved_owners(now()) WHERE identity_id = ${identityId}::uuid`;
  return row ? { email: row.email, kind: row.kind, origin: row.origin, provenance: row.provenance, backupEmail: row.backup_email } : null;
}

/** Every claim on the identity, in resolution order (the first one is the resolved owner). */
export async function ownerCandidatesOf(tx: Tx, identityId: string): Promise<OwnerCandidateRow[]> {
  const rows = await tx.$queryRaw<Array<{ email: string; kind: OwnerKind; origin: OwnerOrigin; provenance: string; source_name: string | null }>>`
    SELECT c.email, c.kind, c.origin, c.provenance, s.name AS source_name
    FROM owner_candidates(now()) c LEFT JOIN sources s ON s.id = c.source_id
    WHERE c.identity_id = ${identityId}::uuid
    ORDER BY c.rank, c.origin = 'owned_by', c.provenance, c.email`;
  return rows.map((r) => ({ email: r.email, kind: r.kind, origin: r.origin, provenance: r.provenance, sourceName: r.source_name }));
}

/**
 * The directory's view of each e-mail now: `active` if any present person with it is active,
 * else `left` if one left, else `unknown` — the same test owner-departed applies.
 */
export async function directoryPeople(tx: Tx, emails: readonly string[]): Promise<Map<string, DirectoryPersonDto>> {
  const wanted = [...new Set(emails.map((e) => e.toLowerCase()))];
  const rows = await tx.$queryRaw<Array<{ email: string; name: string | null; active: boolean; departed: boolean }>>`
    SELECT lower(email) AS email, max(name) AS name, bool_or(status = 'active') AS active, bool_or(status = 'left') AS departed
    FROM people WHERE lower(email) = ANY(${wanted}::text[]) AND gone_since IS NULL
    GROUP BY lower(email)`;
  const byEmail = new Map(rows.map((r) => [r.email, r]));
  return new Map(
    wanted.map((email) => {
      const row = byEmail.get(email);
      const status: DirectoryStatus = row?.active ? "active" : row?.departed ? "left" : "unknown";
      return [email, { email, name: row?.name ?? null, status }];
    }),
  );
}
