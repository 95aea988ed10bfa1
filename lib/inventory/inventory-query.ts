import "server-only";
import { requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb, type Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { sortKeyOf, SUBJECT_TYPE_OF, TABLE_OF } from "@/lib/inventory/inventory-query-columns";
import { inventoryConditions } from "@/lib/inventory/inventory-query-filters";
import type { InventoryCursor, InventoryKind, InventoryState } from "@/lib/inventory/inventory-url";
import type { SearchPlan } from "@/lib/inventory/search-plan";
import { searchPlanFor } from "@/lib/inventory/search-trigrams";

/** Rows per page. */
export const PAGE_SIZE = 50;
/** The count stops here ("10,000+"): an exact count over a million rows costs up to 100 ms. */
export const COUNT_CAP = 10_000;

/** One row of the inventory table: an identity or a credential (fields of the other kind are null). */
export type InventoryRowDto = {
  id: string;
  name: string;
  type: string;
  externalId: string;
  sourceProvider: string;
  sourceName: string;
  environment: string | null;
  /** The record's status, or `gone` once a sync retired it. */
  status: string;
  owner: { email: string; kind: string } | null;
  createdAt: string | null;
  openFindings: number;
  /** Credentials: the identity it belongs to. */
  identity: { id: string; name: string } | null;
  rotatedAt: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
  /** Identities: when it was last active, and its present credentials. */
  lastActivityAt: string | null;
  credentials: number | null;
};

export type InventoryPageDto = {
  kind: InventoryKind;
  rows: InventoryRowDto[];
  /** Matching rows, counted up to COUNT_CAP; `capped` when there are at least that many. */
  total: { count: number; capped: boolean };
  /** Cursors for the neighbouring pages, null at either end. */
  next: InventoryCursor | null;
  previous: InventoryCursor | null;
  /** The instant ages and expiries were computed against (ISO). */
  asOf: string;
};

type Row = {
  /** The capped count of the whole list, repeated on every row (null where none was asked for). */
  total: number | null; sort_key: string | null; id: string; name: string; type: string; external_id: string; source_provider: string; source_name: string;
  environment: string | null; status: string; owner_email: string | null; owner_kind: string | null; created_at: Date | null;
  open_findings: number; identity_id: string | null; identity_name: string | null; rotated_at: Date | null; last_used_at: Date | null;
  expires_at: Date | null; last_activity_at: Date | null; credentials: number | null;
};

const iso = (value: Date | null) => value?.toISOString() ?? null;

function toDto(row: Row): InventoryRowDto {
  return {
    id: row.id, name: row.name, type: row.type, externalId: row.external_id, sourceProvider: row.source_provider, sourceName: row.source_name,
    environment: row.environment, status: row.status, owner: row.owner_email ? { email: row.owner_email, kind: row.owner_kind ?? "source" } : null,
    createdAt: iso(row.created_at), openFindings: row.open_findings,
    identity: row.identity_id ? { id: row.identity_id, name: row.identity_name ?? row.identity_id } : null,
    rotatedAt: iso(row.rotated_at), lastUsedAt: iso(row.last_used_at), expiresAt: iso(row.expires_at),
    lastActivityAt: iso(row.last_activity_at), credentials: row.credentials,
  };
}

/**
 * Columns only one kind has; the other kind selects NULLs so both share one row shape. The owner
 * is the one stored on the identity (migration 20261205000000_identity_owners): a credential's is
 * its identity's.
 */
const KIND_COLUMNS: Record<InventoryKind, Prisma.Sql> = {
  credentials: Prisma.sql`i.owner_email, i.owner_kind, t.identity_id::text AS identity_id, i.name AS identity_name,
    coalesce(t.last_rotated_at, t.created_at_source) AS rotated_at, t.last_used_at, t.expires_at,
    NULL::timestamptz AS last_activity_at, NULL::int AS credentials
    FROM page JOIN credentials t ON t.id = page.id LEFT JOIN identities i ON i.id = t.identity_id`,
  identities: Prisma.sql`t.owner_email, t.owner_kind, NULL::text AS identity_id, NULL::text AS identity_name, NULL::timestamptz AS rotated_at,
    NULL::timestamptz AS last_used_at, NULL::timestamptz AS expires_at, t.last_activity_at,
    (SELECT count(*)::int FROM credentials c WHERE c.identity_id = t.id AND c.gone_since IS NULL) AS credentials
    FROM page JOIN identities t ON t.id = page.id`,
};

/**
 * The displayed fields of the rows the `page` CTE picked (its ids, in `order`): source and
 * counts are looked up for those rows only. `total`, a scalar query, rides along in the same
 * statement (computed once): one round trip instead of two for every page.
 */
function selectRows(db: Db, kind: InventoryKind, page: Prisma.Sql, order: Prisma.Sql, total: Prisma.Sql = Prisma.sql`SELECT NULL::int`): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    WITH page AS MATERIALIZED (${page})
    SELECT (${total}) AS total, page.sort_key, t.id::text, t.name, t.type, t.external_id, s.provider AS source_provider, s.name AS source_name, t.environment,
      CASE WHEN t.gone_since IS NOT NULL THEN 'gone' ELSE t.status END AS status,
      t.created_at_source AS created_at,
      (SELECT count(*)::int FROM findings f WHERE f.subject_id = t.id AND f.subject_type = ${SUBJECT_TYPE_OF[kind]} AND f.status = 'open') AS open_findings,
      ${KIND_COLUMNS[kind]}
      JOIN sources s ON s.id = t.source_id
    ORDER BY ${order}`;
}

type Direction = "forward" | "backward";

/**
 * One page in keyset order: the ids come from a walk of the (sort key, id) index from the cursor.
 * `backward` reads the page before the cursor (in reverse; the caller restores the order).
 */
function fetchPage(db: Db, caller: Caller, state: InventoryState, cursor: InventoryCursor | undefined, direction: Direction, now: Date, search?: SearchPlan): Promise<Row[]> {
  const { kind } = state;
  const { key, cast } = sortKeyOf(kind, state.sort);
  const descending = (state.dir === "desc") !== (direction === "backward");
  const order = Prisma.sql`${key} ${Prisma.raw(descending ? "DESC" : "ASC")}, t.id ${Prisma.raw(descending ? "DESC" : "ASC")}`;
  const keyset = cursor
    ? Prisma.sql`AND (${key}, t.id) ${Prisma.raw(descending ? "<" : ">")} (CAST(${cursor.key} AS ${cast}), ${cursor.id}::uuid)`
    : Prisma.empty;
  const page = Prisma.sql`
    SELECT t.id, (${key})::text AS sort_key FROM ${TABLE_OF[kind]} t
    WHERE ${inventoryConditions(caller, kind, state.filters, now, search)} ${keyset}
    ORDER BY ${order} LIMIT ${PAGE_SIZE + 1}`;
  return selectRows(db, kind, page, order, countRidesAlong(state) ? countSql(caller, state, now, search) : undefined);
}

/**
 * The count rides along with the page (one round trip) unless the list is a search: then both
 * would run the same trigram scan one after the other, and the count is better asked for beside
 * the page, on another connection.
 */
const countRidesAlong = (state: InventoryState) => !state.filters.q;

/** The rows with these ids that the caller may see (a selection on the page), by name. */
export async function inventoryRowsByIds(caller: Caller, kind: InventoryKind, ids: readonly string[], options: QueryInventoryOptions = {}): Promise<InventoryRowDto[]> {
  requirePermission(caller, "inventory:read");
  const now = options.now ?? new Date();
  const page = Prisma.sql`
    SELECT t.id, NULL::text AS sort_key FROM ${TABLE_OF[kind]} t
    WHERE t.id = ANY(${ids}::uuid[]) AND ${inventoryConditions(caller, kind, { status: "all" }, now)}`;
  const rows = await selectRows(options.db ?? getDb(), kind, page, Prisma.sql`t.name, t.id`);
  return rows.map(toDto);
}

/** The list's matching rows, counted up to COUNT_CAP (the keyset aside: the whole list). */
function countSql(caller: Caller, state: InventoryState, now: Date, search?: SearchPlan): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int FROM (
    SELECT 1 FROM ${TABLE_OF[state.kind]} t WHERE ${inventoryConditions(caller, state.kind, state.filters, now, search)} LIMIT ${COUNT_CAP}) capped`;
}

const cappedTotal = (count: number): InventoryPageDto["total"] => ({ count, capped: count >= COUNT_CAP });

const cursorOf = (row: Row): InventoryCursor => ({ key: row.sort_key, id: row.id });

export type QueryInventoryOptions = {
  /** The instant ages and expiries are evaluated at (owners are as stored: now); default now. */
  now?: Date;
  db?: Db;
};

/**
 * A page of the inventory as the URL state describes it (filters, sort, cursor), with a capped
 * count. Requires inventory:read; the owner role sees only its own identities and their credentials.
 */
export async function queryInventory(caller: Caller, state: InventoryState, options: QueryInventoryOptions = {}): Promise<InventoryPageDto> {
  requirePermission(caller, "inventory:read");
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const backward = state.before !== undefined;
  const search = state.filters.q ? await searchPlanFor(db, state.kind, state.filters.q) : undefined;
  const countAlone = async () => (await db.$queryRaw<[{ count: number }]>`SELECT (${countSql(caller, state, now, search)}) AS count`)[0].count;
  const [fetched, countBeside] = await Promise.all([
    fetchPage(db, caller, state, state.after ?? state.before, backward ? "backward" : "forward", now, search),
    countRidesAlong(state) ? null : countAlone(),
  ]);
  // No row to carry the count (nothing matches, or a cursor past the end): ask for it alone.
  const count = countBeside ?? fetched[0]?.total ?? (await countAlone());
  const more = fetched.length > PAGE_SIZE;
  const rows = fetched.slice(0, PAGE_SIZE);
  if (backward) rows.reverse();
  // Walking back can reach the start with less than a page (rows came or went meanwhile): show the first page.
  if (backward && !more && rows.length < PAGE_SIZE) return queryInventory(caller, { ...state, before: undefined }, options);
  const hasNext = backward || more;
  const hasPrevious = backward ? more : state.after !== undefined;
  return {
    kind: state.kind,
    rows: rows.map(toDto),
    total: cappedTotal(count),
    next: hasNext && rows.length > 0 ? cursorOf(rows[rows.length - 1]!) : null,
    previous: hasPrevious && rows.length > 0 ? cursorOf(rows[0]!) : null,
    asOf: now.toISOString(),
  };
}
