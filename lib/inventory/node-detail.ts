import "server-only";
import { roleCan } from "@/lib/auth/permissions";
import type { Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireVisibleNode } from "@/lib/inventory/node-detail-access";
import { auditOf, findingsOf, ownerOfNode } from "@/lib/inventory/node-detail-related";
import { credentialRow, credentialsOf, identityRow, sameSecretAs } from "@/lib/inventory/node-detail-rows";
import type { CredentialDetail, DetailKind, IdentityDetail, NodeDetail } from "@/lib/inventory/node-detail-types";

/**
 * Everything the detail page shows of an identity or a credential (inventory:read; an owner only
 * what they own), else NOT_FOUND. The audit history is included for roles that read the audit
 * log, null for the others.
 */
export async function getNodeDetail(caller: Caller, kind: "identity", id: string): Promise<IdentityDetail>;
export async function getNodeDetail(caller: Caller, kind: "credential", id: string): Promise<CredentialDetail>;
export async function getNodeDetail(caller: Caller, kind: DetailKind, id: string): Promise<NodeDetail>;
export async function getNodeDetail(caller: Caller, kind: DetailKind, id: string): Promise<NodeDetail> {
  const db = getDb();
  await requireVisibleNode(db, caller, id, kind);
  const readsAudit = roleCan(caller.role, "audit:read");
  if (kind === "identity") {
    const row = await identityRow(db, id);
    if (!row) throw new AppError("NOT_FOUND", "No such identity.");
    const [credentials, owner, findings] = await Promise.all([
      credentialsOf(db, id),
      ownerOfNode(db, id, { id, name: row.name }, false),
      findingsOf(db, kind, id, row.name),
    ]);
    const audit = readsAudit ? await auditOf(db, kind, id, findings.map((f) => f.id)) : null;
    return { ...row, credentials, owner, findings, audit };
  }
  const row = await credentialRow(db, id);
  if (!row) throw new AppError("NOT_FOUND", "No such credential.");
  const [sameSecret, owner, findings] = await Promise.all([
    sameSecretAs(db, id, row.fingerprint),
    ownerOfNode(db, id, row.identity, true),
    findingsOf(db, kind, id, row.name),
  ]);
  const audit = readsAudit ? await auditOf(db, kind, id, findings.map((f) => f.id)) : null;
  return { ...row, sameSecret, owner, findings, audit };
}
