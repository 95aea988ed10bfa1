import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { InventoryKind, SortColumn } from "@/lib/inventory/inventory-url";

/*
 * The sort keys of the inventory page, as SQL over the row alias `t`. Each expression is written
 * exactly as its index in migration 20261204000000_inventory_views, so the planner walks that
 * index instead of sorting the table. Nullable columns sort through a sentinel that reads well:
 * no environment first (''), never used / unknown dates as the oldest ('-infinity'), never
 * expiring as the latest ('infinity').
 */

type SortKey = { sql: string; type: "text" | "timestamptz" };

const text = (sql: string): SortKey => ({ sql, type: "text" });
const time = (sql: string): SortKey => ({ sql, type: "timestamptz" });

const SHARED = {
  name: text("t.name"),
  type: text("t.type"),
  environment: text("coalesce(t.environment, '')"),
  status: text("t.status"),
  created: time("coalesce(t.created_at_source, '-infinity')"),
};

const SORT_KEYS: { [K in InventoryKind]: Record<string, SortKey> } = {
  credentials: {
    ...SHARED,
    rotated: time("coalesce(t.last_rotated_at, t.created_at_source, '-infinity')"),
    lastUsed: time("coalesce(t.last_used_at, '-infinity')"),
    expires: time("coalesce(t.expires_at, 'infinity')"),
  },
  identities: { ...SHARED, lastActivity: time("coalesce(t.last_activity_at, '-infinity')") },
};

export function sortKeyOf(kind: InventoryKind, column: SortColumn): { key: Prisma.Sql; cast: Prisma.Sql } {
  const sortKey = SORT_KEYS[kind][column];
  if (!sortKey) throw new Error(`${column} is not a sortable column of ${kind}`);
  return { key: Prisma.raw(sortKey.sql), cast: Prisma.raw(sortKey.type) };
}

/** The table of a kind; a fixed identifier, never user input. */
export const TABLE_OF: Record<InventoryKind, Prisma.Sql> = {
  credentials: Prisma.raw("credentials"),
  identities: Prisma.raw("identities"),
};

/** Which identity answers for a row's owner: the identity itself, or the credential's identity. */
export const OWNER_IDENTITY_OF: Record<InventoryKind, Prisma.Sql> = {
  credentials: Prisma.raw("t.identity_id"),
  identities: Prisma.raw("t.id"),
};

export const SUBJECT_TYPE_OF: Record<InventoryKind, string> = { credentials: "credential", identities: "identity" };
