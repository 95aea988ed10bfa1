import "server-only";
import { unpackedStage, type EndKinds, type KindSpec } from "@/lib/sync/kind-specs";

/*
 * The merge statements of one kind, built from its spec. $1 = source id, $2 = generation.
 * Order (merge-kind.ts): de-duplicate → drop unchanged → probe the rest → upsert.
 *
 * What the run has "seen" (and the sweep must keep) is: rows it wrote (last_seen_generation =
 * this generation) plus rows it found unchanged (their ids in the session's seen table). Written
 * rows are not copied into the seen table: that would be one more insert per row of a first load.
 */

const on = (spec: KindSpec, a: string, b: string) => spec.key.map((c) => `${a}.${c} = ${b}.${c}`).join(" AND ");
/**
 * The seen set has no index and holds each id once (dropUnchangedSql keeps it so). It is only
 * ever joined (a hash join) or anti-joined at the top level of a query, never probed by a
 * correlated subquery, which would scan it once per row.
 */
const notInSeen = (spec: KindSpec, id: string) => `NOT EXISTS (SELECT 1 FROM ${spec.seen} x WHERE x.id = ${id})`;

/** Same natural key twice in one unit: the later row wins (deterministic: staging order). */
export function dedupeSql(spec: KindSpec): string {
  return `DELETE FROM ${spec.stage} a USING ${spec.stage} b WHERE ${on(spec, "a", "b")} AND a.seq < b.seq`;
}

/**
 * Rows equal to a present target row are dropped by one join before anything is written
 * (STACK-NOTES.md: cheaper than letting ON CONFLICT lock every unchanged row); their ids join the
 * seen set. `first_seen` counts those the run had not met yet. `repeated`: an earlier unit of the
 * run may have staged some of these keys, so the seen set is checked (keeping it duplicate-free).
 */
export function dropUnchangedSql(spec: KindSpec, repeated: boolean): string {
  // The final SELECT and the insert both read the seen set as it was before this statement.
  const metBefore = repeated ? ` LEFT JOIN ${spec.seen} x ON x.id = d.id` : "";
  const fresh = `d.last_seen_generation <> $2::bigint${repeated ? " AND x.id IS NULL" : ""}`;
  return `WITH d AS (
      DELETE FROM ${spec.stage} s USING ${spec.table} t
      WHERE t.source_id = $1::uuid AND ${on(spec, "t", "s")} AND t.content_hash = s.content_hash AND t.gone_since IS NULL
      RETURNING t.id, t.last_seen_generation),
    n AS (INSERT INTO ${spec.seen} (id) SELECT id FROM d${repeated ? ` WHERE ${notInSeen(spec, "d.id")}` : ""})
    SELECT count(*)::int AS unchanged, (count(*) FILTER (WHERE ${fresh}))::int AS first_seen FROM d${metBefore}`;
}

/**
 * Of the rows still staged, those whose target is gone (the upsert brings them back: "returned")
 * or that this run already met (not counted again). Audit columns, was_gone, met.
 */
export function probeSql(spec: KindSpec, repeated: boolean): string {
  const met = `t.last_seen_generation = $2::bigint${repeated ? " OR x.id IS NOT NULL" : ""}`;
  return `SELECT ${spec.auditColumns.map((c) => `t.${c}`).join(", ")}, t.gone_since IS NOT NULL AS was_gone, (${met}) AS met
    FROM ${spec.stage} s JOIN ${spec.table} t ON t.source_id = $1::uuid AND ${on(spec, "t", "s")}
    ${repeated ? `LEFT JOIN ${spec.seen} x ON x.id = t.id` : ""}
    WHERE t.gone_since IS NOT NULL OR ${met}`;
}

function conflictSql(spec: KindSpec, columns: readonly string[]): string {
  return `ON CONFLICT (source_id, ${spec.key.join(", ")}) DO UPDATE SET
        ${columns.map((c) => `${c} = excluded.${c}`).join(", ")}, content_hash = excluded.content_hash,
        last_changed_at = now(), last_seen_generation = excluded.last_seen_generation, gone_since = NULL
      WHERE t.content_hash IS DISTINCT FROM excluded.content_hash OR t.gone_since IS NOT NULL`;
}

/** New nodes, for resolving references that were waiting for them (people also by e-mail). */
function newNodesSql(spec: KindSpec): string {
  const byEmail = spec.kind === "person" ? ` UNION ALL SELECT 'person', external_type, email, id FROM up WHERE inserted AND email <> external_id` : "";
  return `, fresh AS (INSERT INTO kw_new_nodes (kind, external_type, external_id, id)
      SELECT '${spec.kind}', external_type, external_id, id FROM up WHERE inserted${byEmail})`;
}

/** How many staged rows have a target row (0 on a first load: then a plain INSERT will do). */
export function matchedSql(spec: KindSpec): string {
  return `SELECT count(*)::int AS matched FROM ${spec.stage} s JOIN ${spec.table} t ON t.source_id = $1::uuid AND ${on(spec, "t", "s")}`;
}

export type UpsertOptions = {
  /** Also list inserted nodes in kw_new_nodes (only when references are dangling). */
  recordNew: boolean;
  /**
   * No staged row has a target row (checked under the source lock in this transaction): a plain
   * INSERT, without ON CONFLICT's speculative insertion (about 10 % of a first load's insert
   * time). Should anything else insert the same key meanwhile, the unique index still refuses it
   * and the unit's transaction fails as a whole.
   */
  allNew: boolean;
  /** Node kinds this unit's edge ends were staged as. */
  ends: EndKinds;
};

/**
 * Inserts new rows and rewrites changed or returning ones, stamping the generation. The WHERE
 * keeps an equal, present row untouched even if one slipped past the drop (no write, no audit).
 * Returns the audit columns, `inserted`, and the id when references are left to resolve.
 */
export function upsertSql(spec: KindSpec, options: UpsertOptions): string {
  const references = spec.references(options.ends);
  const insert = [...spec.insert, ...references.insert];
  const columns = insert.map(([c]) => c);
  const values = insert.map(([, expr]) => expr);
  const id = spec.idType === "uuid" ? { column: ["id"], value: ["gen_random_uuid()"] } : { column: [], value: [] };
  const email = spec.kind === "person" ? ", t.email" : "";
  const unresolved = spec.unresolved ? `CASE WHEN ${spec.unresolved} THEN t.id::text END` : "NULL::text";
  const fresh = options.recordNew && spec.idType === "uuid" ? newNodesSql(spec) : "";
  return `WITH up AS (
      INSERT INTO ${spec.table} AS t (${[...id.column, "source_id", ...columns, "content_hash", "last_seen_generation"].join(", ")})
      SELECT ${[...id.value, "$1::uuid", ...values, "s.content_hash", "$2::bigint"].join(", ")}
      FROM ${unpackedStage(spec)}
      ${references.joins}
      ${options.allNew ? "" : conflictSql(spec, columns)}
      RETURNING t.id, ${spec.auditColumns.map((c) => `t.${c}`).join(", ")}, (t.xmax = 0) AS inserted, ${unresolved} AS unresolved${email})${fresh}
    SELECT ${spec.auditColumns.map((c) => `up.${c}`).join(", ")}, up.inserted, up.unresolved FROM up`;
}
