import type { AuditActor, AuditEventInput } from "@/lib/audit/audit-hash";

/**
 * Identities per audit event of a bulk change, as the sync and the policy engine batch theirs:
 * a 10,000-identity assignment writes ten events, each naming every identity it covers.
 */
export const OWNERSHIP_AUDIT_BATCH = 1000;

export type OwnershipAction = "ownership.assigned" | "ownership.cleared" | "ownership.confirmed" | "identity.purpose_declared";

/** What an identity's assignment was before the change (only those that had one). */
export type PreviousAssignment = { identityId: string; ownerEmail: string; backupEmail: string | null };

/**
 * One event per up to OWNERSHIP_AUDIT_BATCH identities. A single identity is the event's target;
 * a batch names its identities in the summary (`identityIds`) with the assignments it replaced.
 */
export function ownershipEvents(
  action: OwnershipAction,
  actor: AuditActor,
  identityIds: readonly string[],
  summary: Record<string, unknown>,
  /** For assignments and clearings: what they replaced (the summary lists those of its batch). */
  previous?: readonly PreviousAssignment[],
): AuditEventInput[] {
  const before = previous && new Map(previous.map((p) => [p.identityId, p]));
  const events: AuditEventInput[] = [];
  for (let start = 0; start < identityIds.length; start += OWNERSHIP_AUDIT_BATCH) {
    const ids = identityIds.slice(start, start + OWNERSHIP_AUDIT_BATCH);
    events.push({
      actor,
      action,
      target: identityIds.length === 1 ? { type: "identity", id: ids[0]! } : null,
      summary: {
        ...summary,
        count: ids.length,
        identityIds: ids,
        ...(before && {
          previous: ids.flatMap((id) => {
            const p = before.get(id);
            return p ? [{ identityId: id, ownerEmail: p.ownerEmail, backupEmail: p.backupEmail }] : [];
          }),
        }),
      },
    });
  }
  return events;
}
