import "server-only";
import { requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb, type Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { TABLE_OF } from "@/lib/inventory/inventory-query-columns";
import type { InventoryKind } from "@/lib/inventory/inventory-url";

/** The choices of the filter menus: what the present inventory holds. */
export type InventoryFacetsDto = { sources: string[]; types: string[]; environments: string[] };

/** A menu longer than this is no menu; the URL still accepts any value. */
const MAX_CHOICES = 200;

/**
 * Distinct values of a keyset-indexed column by a skip scan: one index probe per distinct value
 * (a handful of types), never a pass over a million rows. `key` is a fixed expression of the index.
 */
async function distinctValues(db: Db, kind: InventoryKind, key: string): Promise<string[]> {
  const table = TABLE_OF[kind];
  const expression = Prisma.raw(key);
  const rows = await db.$queryRaw<{ value: string }[]>`
    WITH RECURSIVE v(value) AS (
      (SELECT ${expression} FROM ${table} t WHERE t.gone_since IS NULL ORDER BY 1 LIMIT 1)
      UNION ALL
      SELECT (SELECT ${expression} FROM ${table} t WHERE t.gone_since IS NULL AND ${expression} > v.value ORDER BY 1 LIMIT 1)
      FROM v WHERE v.value IS NOT NULL)
    SELECT value FROM v WHERE value IS NOT NULL LIMIT ${MAX_CHOICES}`;
  return rows.map((row) => row.value);
}

export async function listInventoryFacets(caller: Caller, kind: InventoryKind, options: { db?: Db } = {}): Promise<InventoryFacetsDto> {
  requirePermission(caller, "inventory:read");
  const db = options.db ?? getDb();
  const [sources, types, environments] = await Promise.all([
    db.$queryRaw<{ provider: string }[]>`SELECT DISTINCT provider FROM sources ORDER BY provider`,
    distinctValues(db, kind, "t.type"),
    distinctValues(db, kind, "coalesce(t.environment, '')"),
  ]);
  return {
    sources: sources.map((s) => s.provider),
    types,
    // '' is the index's stand-in for "no environment": the URL calls it `none`.
    environments: environments.map((e) => (e === "" ? "none" : e)),
  };
}
