import "server-only";
import type { Db } from "@/lib/db";
import { jsonObject, ownerOf } from "@/lib/inventory/export-owner";
import type { DetailKind, NodeAuditHistory, NodeFinding, OwnerInfo } from "@/lib/inventory/node-detail-types";

/** Findings of one node are few (one per rule); the cap only guards against a runaway table. */
const FINDINGS_LIMIT = 100;
/** The newest audit events of the node; the audit log page has the rest. */
export const AUDIT_LIMIT = 50;

/**
 * The owner as currently known: the identity's owner hint (for a credential, its identity's) and
 * the present `owned_by` edges from the node and from that identity, dangling ones included.
 */
export async function ownerOfNode(db: Db, nodeId: string, identity: { id: string; name: string } | null, inherited: boolean): Promise<OwnerInfo> {
  const holderId = identity?.id ?? null;
  const [hint] = holderId
    ? await db.$queryRaw<{ owner_hint: unknown }[]>`SELECT owner_hint FROM identities WHERE id = ${holderId}::uuid`
    : [];
  const edges = await db.$queryRaw<{
    person_id: string | null; email: string | null; name: string | null; team: string | null; status: string | null;
    reference: string; source_name: string;
  }[]>`
    SELECT p.id::text AS person_id, p.email, p.name, p.team, p.status,
           e.to_external_type || ':' || e.to_external_id AS reference, s.name AS source_name
    FROM edges e JOIN sources s ON s.id = e.source_id LEFT JOIN people p ON p.id = e.to_id
    WHERE e.from_id = ANY(${[...new Set([nodeId, holderId].filter((v): v is string => v !== null))]}::uuid[])
      AND e.type = 'owned_by' AND e.gone_since IS NULL
    ORDER BY p.email NULLS LAST, reference`;
  return {
    hint: ownerOf(hint?.owner_hint),
    inheritedFrom: inherited && identity ? { id: identity.id, name: identity.name } : null,
    ownedBy: edges.map((e) => ({
      person: e.person_id ? { id: e.person_id, email: e.email!, name: e.name, team: e.team, status: e.status! } : null,
      reference: e.reference,
      sourceName: e.source_name,
    })),
  };
}

/** Every recorded finding on the node, most severe and open first (findings_subject_id_idx). */
export async function findingsOf(db: Db, kind: DetailKind, id: string, name: string): Promise<NodeFinding[]> {
  const rows = await db.$queryRaw<{
    id: string; rule: string; severity: string; owasp: string; status: string; evidence: unknown;
    first_seen_at: Date; last_seen_at: Date; accepted_until: Date | null;
  }[]>`
    SELECT id::text, rule, severity, owasp, status, evidence, first_seen_at, last_seen_at, accepted_until
    FROM findings WHERE subject_id = ${id}::uuid AND subject_type = ${kind}
    ORDER BY array_position(ARRAY['open', 'accepted', 'suppressed', 'resolved'], status),
             array_position(ARRAY['critical', 'high', 'medium', 'low', 'info'], severity), rule
    LIMIT ${FINDINGS_LIMIT}`;
  return rows.map((r) => ({
    id: r.id, rule: r.rule, severity: r.severity, owasp: r.owasp, status: r.status, subjectType: kind, subjectName: name,
    evidence: jsonObject(r.evidence), firstSeenAt: r.first_seen_at.toISOString(), lastSeenAt: r.last_seen_at.toISOString(),
    acceptedUntil: r.accepted_until?.toISOString() ?? null,
  }));
}

/**
 * Audit events whose target is the node, or one of its findings (accepted, suppressed…), newest
 * first (audit_events(target_type, target_id)). Sync events name records by external id inside a
 * batch summary and are not indexed per node: the sync facts stand for them.
 */
export async function auditOf(db: Db, kind: DetailKind, id: string, findingIds: readonly string[]): Promise<NonNullable<NodeAuditHistory>> {
  const rows = await db.$queryRaw<{ id: bigint; occurred_at: Date; actor_label: string; action: string; target_type: string; target_id: string; summary: unknown }[]>`
    SELECT id, occurred_at, actor_label, action, target_type, target_id, summary FROM audit_events
    WHERE (target_type = ${kind} AND target_id = ${id}) OR (target_type = 'finding' AND target_id = ANY(${findingIds}::text[]))
    ORDER BY id DESC LIMIT ${AUDIT_LIMIT + 1}`;
  return {
    events: rows.slice(0, AUDIT_LIMIT).map((r) => ({
      id: r.id.toString(), occurredAt: r.occurred_at.toISOString(), actorLabel: r.actor_label, action: r.action,
      target: `${r.target_type}:${r.target_id}`, summary: JSON.stringify(r.summary),
    })),
    more: rows.length > AUDIT_LIMIT,
  };
}
