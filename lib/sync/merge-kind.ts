import "server-only";
import type pg from "pg";
import { auditRefOf, type AuditRef } from "@/lib/sync/audit-batches";
import type { EndKinds, KindSpec } from "@/lib/sync/kind-specs";
import { dedupeSql, dropUnchangedSql, matchedSql, probeSql, upsertSql } from "@/lib/sync/merge-sql";
import { FALLBACK_SQL } from "@/lib/sync/resolve-sql";

export type KindMerge = {
  /** Counted once per record per run. */
  counts: { added: number; updated: number; returned: number; unchanged: number };
  /** Every row written (all audited, even a record a later unit rewrote). */
  discovered: AuditRef[];
  changed: AuditRef[];
  returned: AuditRef[];
};

export type KindMergeArgs = {
  sourceId: string;
  generation: bigint;
  staged: number;
  /** The unit may hold a key twice (stager.ts): de-duplicate first. */
  maybeDuplicated: boolean;
  /** The unit may repeat keys of an earlier unit: check the seen set when counting. */
  maybeRepeated: boolean;
  /** References are waiting for nodes: list the nodes this merge inserts. */
  recordNewNodes: boolean;
  ends: EndKinds;
};

/** Merges one kind's staging rows into its table (inside the unit's transaction). */
export async function mergeKind(client: pg.Client, spec: KindSpec, args: KindMergeArgs): Promise<KindMerge> {
  const params = [args.sourceId, args.generation.toString()];
  if (args.maybeDuplicated) await client.query(dedupeSql(spec));
  const dropped = await client.query<{ unchanged: number; first_seen: number }>(dropUnchangedSql(spec, args.maybeRepeated), params);
  const { unchanged, first_seen: firstSeen } = dropped.rows[0]!;
  const result: KindMerge = { counts: { added: 0, updated: 0, returned: 0, unchanged: firstSeen }, discovered: [], changed: [], returned: [] };
  if (unchanged >= args.staged && !args.maybeDuplicated) return result;

  const width = spec.auditColumns.length;
  const keyOf = (row: readonly unknown[]) => row.slice(0, width).join("\0");
  const { rows: matched } = await client.query<{ matched: number }>(matchedSql(spec), [args.sourceId]);
  const allNew = matched[0]!.matched === 0;
  const checkSeen = args.maybeRepeated || args.maybeDuplicated;
  const probed = allNew ? [] : (await client.query<unknown[]>({ text: probeSql(spec, checkSeen), values: params, rowMode: "array" })).rows;
  const special = new Map(probed.map((row) => [keyOf(row), { wasGone: row[width] === true, met: row[width + 1] === true }]));

  const upserted = await client.query<unknown[]>({
    text: upsertSql(spec, { recordNew: args.recordNewNodes, ends: args.ends, allNew }),
    values: params,
    rowMode: "array",
  });
  const unresolved: string[] = [];
  for (const row of upserted.rows) {
    if (row[width + 1] !== null) unresolved.push(String(row[width + 1]));
    const ref = auditRefOf(spec.kind, row);
    if (row[width] === true) {
      result.discovered.push(ref);
      result.counts.added += 1;
      continue;
    }
    const before = special.get(keyOf(row));
    if (before?.wasGone) {
      result.returned.push(ref);
      if (!before.met) result.counts.returned += 1;
    } else {
      result.changed.push(ref);
      if (!before?.met) result.counts.updated += 1;
    }
  }
  if (unresolved.length > 0 && (spec.kind === "credential" || spec.kind === "edge")) {
    for (const sql of FALLBACK_SQL[spec.kind]) await client.query(sql, [args.sourceId, unresolved]);
  }
  return result;
}
