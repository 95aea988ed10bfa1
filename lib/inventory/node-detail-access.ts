import "server-only";
import { z } from "zod";
import { requirePermission, type Caller } from "@/lib/auth/session-context";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { DetailKind } from "@/lib/inventory/node-detail-types";

const nodeIdSchema = z.uuid();

function notFound(kind: string): AppError {
  return new AppError("NOT_FOUND", `No such ${kind}.`);
}

/**
 * The kind of an identity or credential the caller may open, else NOT_FOUND: for an unknown id,
 * a malformed one, and (owner role) one they do not own, so an owner learns nothing of the rest.
 * Owners see the identities that name them (`identities_of_owner`, migration
 * 20261204050000_owner_scope: the one narrowing every owner-scoped query uses) and their credentials.
 */
export async function requireVisibleNode(db: Db, caller: Caller, id: string, expected?: DetailKind): Promise<DetailKind> {
  requirePermission(caller, "inventory:read");
  const label = expected ?? "node";
  if (!nodeIdSchema.safeParse(id).success) throw notFound(label);
  const ownerEmail = caller.role === "owner" ? caller.email.toLowerCase() : null;
  const rows = await db.$queryRaw<{ kind: DetailKind; visible: boolean }[]>`
    WITH node AS (
      SELECT 'identity' AS kind, id AS identity_id FROM identities WHERE id = ${id}::uuid
      UNION ALL
      SELECT 'credential', identity_id FROM credentials WHERE id = ${id}::uuid
    )
    SELECT node.kind,
           ${ownerEmail}::text IS NULL
             OR node.identity_id IN (SELECT o.identity_id FROM identities_of_owner(${ownerEmail}) o) AS visible
    FROM node`;
  const row = rows[0];
  if (!row || !row.visible || (expected && row.kind !== expected)) throw notFound(label);
  return row.kind;
}
