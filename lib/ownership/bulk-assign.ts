import "server-only";
import { z } from "zod";
import { requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { invalidInput } from "@/lib/policy/errors";
import { assignOwner, type AssignOwnerResult } from "@/lib/ownership/assign-owner";
import { assignOwnerSchema, MAX_BULK_IDENTITIES } from "@/lib/ownership/ownership-schemas";

/*
 * "Assign owner" on the inventory page's selection. Owners belong to identities; on the credentials
 * view the selected credentials stand for their identities, and a credential without one (a stray
 * token, a certificate nobody claims) is reported as skipped rather than failing the batch.
 */

export const BULK_ASSIGN_KINDS = ["identities", "credentials"] as const;

export const bulkAssignSelectionSchema = z.object({
  kind: z.enum(BULK_ASSIGN_KINDS, { error: "Say whether identities or credentials are selected." }),
  ids: z
    .preprocess(
      (value) => (typeof value === "string" ? value.split(/[\s,]+/).filter(Boolean) : value),
      z
        .array(z.uuid({ error: "Not an inventory id." }), { error: "Select the rows." })
        .min(1, "Select at least one row.")
        .max(MAX_BULK_IDENTITIES, `Select at most ${MAX_BULK_IDENTITIES.toLocaleString("en")} rows at a time.`),
    )
    .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]),
});

export type BulkAssignOwnerResult = AssignOwnerResult & {
  /** Selected credentials that belong to no identity, so nobody could be made their owner. */
  skippedCredentials: number;
};

/** The distinct identities of the credentials; refuses the whole selection when any id is unknown. */
export async function identitiesOfCredentials(caller: Caller, credentialIds: readonly string[]): Promise<{ identityIds: string[]; withoutIdentity: number }> {
  requirePermission(caller, "inventory:write");
  const rows = await getDb().$queryRaw<Array<{ id: string; identity_id: string | null }>>`
    SELECT id::text, identity_id::text FROM credentials WHERE id = ANY(${credentialIds}::uuid[])`;
  if (rows.length !== credentialIds.length) {
    const known = new Set(rows.map((row) => row.id));
    const missing = credentialIds.filter((id) => !known.has(id));
    throw new AppError(
      "NOT_FOUND",
      missing.length === 1 ? `Credential ${missing[0]} does not exist.` : `${missing.length} of the credentials do not exist (first: ${missing[0]}).`,
      "ids",
    );
  }
  const identityIds = [...new Set(rows.flatMap((row) => (row.identity_id ? [row.identity_id] : [])))].sort();
  return { identityIds, withoutIdentity: rows.filter((row) => row.identity_id === null).length };
}

/**
 * Makes `ownerEmail` the explicit owner of the selected identities, or of the identities of the
 * selected credentials. The assignment itself is `assignOwner`: one transaction, audited, people
 * who left refused with the field named. The mapping is read just before it; an identity removed
 * in between makes the assignment refuse the whole batch, so nothing half-done is left.
 */
export async function bulkAssignOwner(caller: Caller, input: unknown): Promise<BulkAssignOwnerResult> {
  requirePermission(caller, "inventory:write");
  const selection = bulkAssignSelectionSchema.safeParse(input);
  if (!selection.success) throw invalidInput(selection.error);
  const { kind, ids } = selection.data;
  // The owner, backup and note are checked before anything is read, so a mistyped e-mail is
  // named first; the selected ids stand in for the identities (same shape and limit).
  const fields = input as { ownerEmail?: unknown; backupEmail?: unknown; note?: unknown };
  const owner = assignOwnerSchema.safeParse({ identityIds: ids, ownerEmail: fields.ownerEmail, backupEmail: fields.backupEmail, note: fields.note });
  if (!owner.success) throw invalidInput(owner.error);

  const { identityIds, withoutIdentity } = kind === "identities" ? { identityIds: ids, withoutIdentity: 0 } : await identitiesOfCredentials(caller, ids);
  if (identityIds.length === 0) {
    throw new AppError(
      "INVALID_INPUT",
      ids.length === 1 ? "This credential has no identity, so there is no owner to set." : `None of the ${ids.length} credentials has an identity, so there is no owner to set.`,
      "ids",
    );
  }
  const result = await assignOwner(caller, { ...owner.data, identityIds });
  return { ...result, skippedCredentials: withoutIdentity };
}
