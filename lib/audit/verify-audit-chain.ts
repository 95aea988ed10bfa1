import "server-only";
import type { Db } from "@/lib/db";
import { getInstanceKeys } from "@/lib/runtime/instance-keys";
import { GENESIS_HASH, hashAuditEvent } from "@/lib/audit/audit-hash";

export type ChainVerification =
  | { ok: true; checked: number; headHash: string }
  | { ok: false; checked: number; brokenAt: { id: string; occurredAt: string; action: string; reason: string } };

/** Rows per round trip; keeps memory flat for chains of millions of events. */
const PAGE_SIZE = 5000;

type Row = {
  id: bigint;
  occurred_at: Date;
  actor_type: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  summary: unknown;
  prev_hash: string;
  hash: string;
};

/** Walks the chain in order and reports the first event whose link or content does not check out. */
export async function verifyAuditChain(db: Db, key = getInstanceKeys().auditKey): Promise<ChainVerification> {
  let expectedPrev = GENESIS_HASH;
  let afterId = BigInt(0);
  let checked = 0;
  for (;;) {
    const rows = await db.$queryRaw<Row[]>`
      SELECT id, occurred_at, actor_type, actor_id, actor_label, action, target_type, target_id, summary, prev_hash, hash
      FROM audit_events WHERE id > ${afterId} ORDER BY id LIMIT ${PAGE_SIZE}`;
    for (const row of rows) {
      const broken = (reason: string): ChainVerification => ({
        ok: false,
        checked,
        brokenAt: { id: row.id.toString(), occurredAt: row.occurred_at.toISOString(), action: row.action, reason },
      });
      if (row.prev_hash !== expectedPrev) {
        return broken("its previous-hash does not match the event before it (an event was removed or inserted)");
      }
      const recomputed = hashAuditEvent(key, row.prev_hash, {
        occurredAt: row.occurred_at,
        actorType: row.actor_type,
        actorId: row.actor_id,
        actorLabel: row.actor_label,
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        summary: row.summary,
      });
      if (recomputed !== row.hash) return broken("its content does not match its hash (the event was edited)");
      expectedPrev = row.hash;
      checked += 1;
    }
    if (rows.length < PAGE_SIZE) return { ok: true, checked, headHash: expectedPrev };
    afterId = rows[rows.length - 1]!.id;
  }
}
