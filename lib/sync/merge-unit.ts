import "server-only";
import type pg from "pg";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import type { AuditEventInput } from "@/lib/audit/audit-hash";
import { inventoryEvents, type AuditContext } from "@/lib/sync/audit-batches";
import { KIND_SPECS, SPEC_BY_KIND } from "@/lib/sync/kind-specs";
import { mergeKind } from "@/lib/sync/merge-kind";
import { RESOLVE_DANGLING_SQL } from "@/lib/sync/resolve-sql";
import type { RunState } from "@/lib/sync/run-state";
import type { Stager } from "@/lib/sync/stager";

export type MergeContext = AuditContext & { generation: bigint; auditKey: Buffer };

/** A merge inserting at least this many rows into a table may leave its statistics stale. */
const ANALYZE_TARGET_ROWS = 10_000;
/** … and does when the rows it inserted exceed this share of what the statistics last counted. */
const ANALYZE_GROWTH = 0.2;

/**
 * Merges everything one unit staged, in ONE transaction with its audit events: either the unit's
 * adds, updates and returns are all in the inventory and the audit chain, or none of them is.
 * Nothing is retired here; the sweep runs once the run knows which (scope, stream)s were clean.
 */
export async function mergeUnit(client: pg.Client, ctx: MergeContext, stager: Stager, state: RunState): Promise<void> {
  const events: AuditEventInput[] = [];
  const inserted = new Map<string, number>();
  await client.query("BEGIN");
  try {
    // A crash can lose at most the last moments of asynchronously committed merges, and then the
    // audit events with them (same WAL); the run's final commit is synchronous and flushes all.
    await client.query("SET LOCAL synchronous_commit = off");
    const recordNewNodes = await referencesDangling(client);
    let insertedNodes = 0;
    for (const spec of KIND_SPECS) {
      const staged = stager.staged.get(spec.kind) ?? 0;
      if (staged === 0) continue;
      const merged = await mergeKind(client, spec, {
        sourceId: ctx.sourceId,
        generation: ctx.generation,
        staged,
        maybeDuplicated: stager.maybeDuplicated.has(spec.kind),
        maybeRepeated: stager.maybeRepeated.has(spec.kind),
        recordNewNodes,
        ends: stager.ends,
      });
      for (const [field, n] of Object.entries(merged.counts)) state.count(spec.kind, field as keyof typeof merged.counts, n);
      if (spec.kind !== "edge") insertedNodes += merged.discovered.length;
      inserted.set(spec.table, merged.discovered.length);
      events.push(
        ...inventoryEvents("inventory.discovered", spec.kind, merged.discovered, ctx),
        ...inventoryEvents("inventory.changed", spec.kind, merged.changed, ctx),
        ...inventoryEvents("inventory.returned", spec.kind, merged.returned, ctx),
      );
      if (spec.kind === "person" && merged.discovered.length + merged.changed.length + merged.returned.length > 0) {
        events.push(...(await upsertTeams(client, ctx)));
      }
    }
    if (recordNewNodes && insertedNodes > 0) {
      for (const sql of RESOLVE_DANGLING_SQL) await client.query(sql);
      await client.query("TRUNCATE kw_new_nodes");
    }
    await appendAuditEvents(client, events, ctx.auditKey);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
  await refreshStatistics(client, inserted);
}

/**
 * A table that just grew a lot (a first load) gets fresh planner statistics at once, instead of
 * whenever autovacuum comes by: the next sync's joins against it are planned from them, and a
 * join planned against a "tiny" table that holds a million rows can take hours instead of seconds.
 */
async function refreshStatistics(client: pg.Client, inserted: Map<string, number>): Promise<void> {
  for (const [table, rows] of inserted) {
    if (rows < ANALYZE_TARGET_ROWS) continue;
    const { rows: stats } = await client.query<{ reltuples: number }>(`SELECT reltuples FROM pg_class WHERE oid = $1::regclass`, [table]);
    const known = stats[0]?.reltuples ?? -1;
    if (known < 0 || rows > known * ANALYZE_GROWTH) await client.query(`ANALYZE ${table}`);
  }
}

/**
 * Whether any reference waits for its node (the partial "dangling" indexes make this a few index
 * probes). Only then are the nodes this unit inserts listed for resolution: on a first load of a
 * million credentials whose references all resolve on insert, that list would be pure cost.
 */
async function referencesDangling(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ dangling: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM edges WHERE from_id IS NULL) OR EXISTS (SELECT 1 FROM edges WHERE to_id IS NULL)
       OR EXISTS (SELECT 1 FROM credentials WHERE identity_id IS NULL AND identity_ref IS NOT NULL) AS dangling`,
  );
  return rows[0]!.dangling;
}

/** Position of `team` in a person's staged payload. */
const TEAM_AT = SPEC_BY_KIND.person.payload.findIndex(([name]) => name === "team");

/** Teams named by people written in this unit (unchanged people already have theirs). */
async function upsertTeams(client: pg.Client, ctx: MergeContext): Promise<AuditEventInput[]> {
  const created = await client.query<{ name: string }>(
    `INSERT INTO teams (id, name)
     SELECT gen_random_uuid(), team FROM (SELECT DISTINCT payload::jsonb ->> ${TEAM_AT} AS team FROM kw_stage_person) x
     WHERE team IS NOT NULL ORDER BY team
     ON CONFLICT (name) DO NOTHING RETURNING name`,
  );
  return inventoryEvents("inventory.discovered", "team", created.rows.map((r) => ({ externalType: "team", externalId: r.name })), ctx);
}
