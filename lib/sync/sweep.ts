import "server-only";
import type pg from "pg";
import { edgeTypeSchema } from "@/connectors/sdk";
import type { AuditEventInput } from "@/lib/audit/audit-hash";
import { auditRefOf, inventoryEvents, type AuditContext } from "@/lib/sync/audit-batches";
import { SPEC_BY_KIND, type KindSpec } from "@/lib/sync/kind-specs";
import { edgeExternalType, PERSON_EXTERNAL_TYPE } from "@/lib/sync/record-lines";
import type { RunState, SweepGroup } from "@/lib/sync/run-state";

/** Default share of a (scope, type)'s present records a sweep may retire before it is held. */
export const DEFAULT_SWEEP_THRESHOLD = 0.15;

/**
 * The threshold only guards (scope, type)s with at least this many present records. Below it,
 * one removal is already a large share (1 of 5 = 20 %) and holding every such sweep would make
 * review routine; the guard exists for a broken listing that returns a fraction of a big set.
 */
export const SWEEP_MIN_PRESENT = 10;

type Target = { spec: KindSpec; types: string[] };

/** What a group's sweep may retire: its stream's own types, its edges, its people. */
function targetsOf(group: SweepGroup): Target[] {
  const nodes = [...group.externalTypes];
  const targets: Target[] = ["identity", "credential", "resource"].map((kind) => ({
    spec: SPEC_BY_KIND[kind as "identity"],
    types: nodes,
  }));
  if (group.emitsPeople) targets.push({ spec: SPEC_BY_KIND.person, types: [PERSON_EXTERNAL_TYPE] });
  targets.push({ spec: SPEC_BY_KIND.edge, types: edgeTypeSchema.options.map((t) => edgeExternalType(group.stream, t)) });
  return targets;
}

/**
 * Present, not seen this run (neither written by it nor found unchanged): what the sweep would
 * retire. $1 source, $2 scope, $3 types, $4 generation. NOT EXISTS at the top level becomes a
 * hash anti-join over the seen set (which has no index: it is only appended to).
 */
const unseen = (spec: KindSpec) => `FROM ${spec.table} t
  WHERE t.source_id = $1::uuid AND t.scope = $2 AND t.external_type = ANY($3::text[]) AND t.gone_since IS NULL
    AND t.last_seen_generation <> $4::bigint AND NOT EXISTS (SELECT 1 FROM ${spec.seen} s WHERE s.id = t.id)`;

/** A group is swept only if it and its parent stream's group (same scope) were clean. */
export function sweepableGroups(state: RunState): SweepGroup[] {
  return [...state.groups.values()].filter((group) => {
    if (!group.clean) return false;
    const parent = group.parentStream ? state.groups.get(`${group.scope}\0${group.parentStream}`) : undefined;
    return parent === undefined || parent.clean;
  });
}

/**
 * Sweeps one clean group (inside the run's final transaction): retires what it no longer reports,
 * or, if that exceeds the threshold for any (scope, type), retires nothing and keeps the list for
 * approval (sync_held_retirements). Returns the audit events of what it retired.
 */
export async function sweepGroup(
  client: pg.Client,
  group: SweepGroup,
  ctx: AuditContext & { threshold: number; generation: bigint },
  state: RunState,
): Promise<AuditEventInput[]> {
  const targets = targetsOf(group).filter((t) => t.types.length > 0);
  const params = (t: Target) => [ctx.sourceId, group.scope, t.types, ctx.generation.toString()];
  const held = [];
  const counted = new Map<Target, number>();
  for (const target of targets) {
    const stats = await client.query<{ external_type: string; present: number; unseen: number }>(
      // The seen set holds each id once (merge-sql.ts), so this LEFT JOIN does not repeat rows.
      `SELECT t.external_type, count(*)::int AS present,
              count(*) FILTER (WHERE t.last_seen_generation <> $4::bigint AND s.id IS NULL)::int AS unseen
       FROM ${target.spec.table} t LEFT JOIN ${target.spec.seen} s ON s.id = t.id
       WHERE t.source_id = $1::uuid AND t.scope = $2 AND t.external_type = ANY($3::text[]) AND t.gone_since IS NULL
       GROUP BY t.external_type ORDER BY t.external_type`,
      params(target),
    );
    counted.set(target, stats.rows.reduce((sum, row) => sum + row.unseen, 0));
    for (const row of stats.rows) {
      if (row.present >= SWEEP_MIN_PRESENT && row.unseen / row.present > ctx.threshold) {
        held.push({ scope: group.scope, stream: group.stream, kind: target.spec.kind, externalType: row.external_type, wouldRetire: row.unseen, present: row.present });
      }
    }
  }
  if (held.length > 0) {
    state.held.push(...held);
    for (const target of targets) {
      await client.query(
        `INSERT INTO sync_held_retirements (run_id, kind, node_id) SELECT $5::uuid, '${target.spec.kind}', t.id::text ${unseen(target.spec)}`,
        [...params(target), ctx.runId],
      );
    }
    return [];
  }
  const events: AuditEventInput[] = [];
  for (const target of targets) {
    if (!counted.get(target)) continue; // nothing to retire: spare the second scan
    const retired = await client.query<unknown[]>({
      text: `UPDATE ${target.spec.table} AS u SET gone_since = now()
             WHERE u.id IN (SELECT t.id ${unseen(target.spec)})
             RETURNING ${target.spec.auditColumns.map((c) => `u.${c}`).join(", ")}`,
      values: params(target),
      rowMode: "array",
    });
    state.count(target.spec.kind, "gone", retired.rows.length);
    events.push(...inventoryEvents("inventory.gone", target.spec.kind, retired.rows.map((row) => auditRefOf(target.spec.kind, row)), ctx));
  }
  return events;
}
