import "server-only";
import { getDb } from "@/lib/db";
import { requirePermission, type Caller } from "@/lib/auth/session-context";
import { verifyAuditChain, type ChainVerification } from "@/lib/audit/verify-audit-chain";

export type AuditEventDto = {
  id: string;
  occurredAt: string;
  actorType: string;
  actorLabel: string;
  action: string;
  target: string | null;
  summary: string;
  hash: string;
};

export type AuditPage = { events: AuditEventDto[]; nextBefore: string | null };

/** Newest first, keyset-paged by id. */
export async function listAuditEvents(caller: Caller, options: { before?: bigint; action?: string; limit?: number } = {}): Promise<AuditPage> {
  requirePermission(caller, "audit:read");
  const limit = Math.min(options.limit ?? 50, 200);
  const rows = await getDb().auditEvent.findMany({
    where: {
      ...(options.before ? { id: { lt: options.before } } : {}),
      ...(options.action ? { action: { startsWith: options.action } } : {}),
    },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return {
    events: page.map((row) => ({
      id: row.id.toString(),
      occurredAt: row.occurredAt.toISOString(),
      actorType: row.actorType,
      actorLabel: row.actorLabel,
      action: row.action,
      target: row.targetType ? `${row.targetType}:${row.targetId}` : null,
      summary: JSON.stringify(row.summary),
      hash: row.hash,
    })),
    nextBefore: rows.length > limit ? page[page.length - 1]!.id.toString() : null,
  };
}

export async function verifyAuditChainFor(caller: Caller): Promise<ChainVerification> {
  requirePermission(caller, "audit:read");
  return verifyAuditChain(getDb());
}
