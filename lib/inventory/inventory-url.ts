import { z } from "zod";

/*
 * The inventory page's whole state lives in its URL, so a link is a view: the dashboard, saved
 * views and people share exactly-filtered lists with it. Parsing never fails: an unknown parameter
 * is ignored and an invalid value falls back to its default. `serializeInventoryState` writes the
 * canonical form (defaults left out, fixed order); the page redirects any other spelling to it.
 *
 * URL vocabulary of /inventory (every parameter optional, one value each):
 *
 *   kind     credentials (default) | identities
 *   q        search: a substring of the name or the external id, case-insensitive (≤ 200 characters)
 *   source   provider of the source: aws, gcp, azure, github, gitlab, kubernetes, vault, certificates, code,
 *            terraform, postgres, mysql, mcp, keyward, …
 *   type     record type, e.g. access_key, certificate, service_account
 *   env      environment name, or `none` for records without one
 *   owner    has | none | <e-mail>    the resolved owner (lib/ownership): `has` = an owner that is not a mere
 *            suggestion; a credential's owner is its identity's
 *   status   present records (default) | active | inactive | expired | revoked | unknown (present ones with that
 *            status) | gone (retired by a sync) | all (present and gone)
 *   age      lt90 | 90to180 | 180to365 | gt365    days since the last rotation, else creation (credentials);
 *            since creation (identities)
 *   expiry   expired | 30d | 90d | none    credentials only: expired already; expires within 30 / 90 days;
 *            never expires
 *   findings open | none    has open findings / has none
 *   rule     a policy rule id (policies/rules.json): has an open finding of that rule
 *   sort     a sortable column of the kind (SORTABLE_COLUMNS; default name)   dir  asc (default) | desc
 *   cols     visible columns, comma-separated, in any order (default DEFAULT_COLUMNS of the kind)
 *   after    cursor: the page after this row      before   cursor: the page before this row
 *            (opaque; written by the page's next/previous links; an invalid one shows the first page)
 *
 * Examples: /inventory?kind=credentials&expiry=30d · /inventory?kind=identities&env=prod&owner=none
 *           /inventory?source=aws&type=access_key&age=gt365&sort=rotated
 */

export const INVENTORY_KINDS = ["credentials", "identities"] as const;
export type InventoryKind = (typeof INVENTORY_KINDS)[number];

/** Every column a kind can show, in display order. */
export const COLUMNS = {
  credentials: ["name", "type", "source", "identity", "environment", "status", "owner", "created", "rotated", "lastUsed", "expires", "findings"],
  identities: ["name", "type", "source", "environment", "status", "owner", "created", "lastActivity", "credentials", "findings"],
} as const satisfies Record<InventoryKind, readonly string[]>;
export type InventoryColumn = (typeof COLUMNS)[InventoryKind][number];

/**
 * Columns the page can sort by: each has a keyset index (migration 20261204000000_inventory_views).
 * Source, identity, owner and counts are computed per row from other tables, so no index can order
 * a million rows by them; filter by them instead.
 */
export const SORTABLE_COLUMNS = {
  credentials: ["name", "type", "environment", "status", "created", "rotated", "lastUsed", "expires"],
  identities: ["name", "type", "environment", "status", "created", "lastActivity"],
} as const satisfies { [K in InventoryKind]: ReadonlyArray<(typeof COLUMNS)[K][number]> };
export type SortColumn = (typeof SORTABLE_COLUMNS)[InventoryKind][number];

export const DEFAULT_COLUMNS = {
  credentials: ["name", "type", "source", "identity", "status", "owner", "rotated", "expires", "findings"],
  identities: ["name", "type", "source", "environment", "status", "owner", "lastActivity", "findings"],
} as const satisfies { [K in InventoryKind]: ReadonlyArray<(typeof COLUMNS)[K][number]> };

export const STATUS_FILTERS = ["active", "inactive", "expired", "revoked", "unknown", "gone", "all"] as const;
export const AGE_FILTERS = ["lt90", "90to180", "180to365", "gt365"] as const;
export const EXPIRY_FILTERS = ["expired", "30d", "90d", "none"] as const;
export const FINDINGS_FILTERS = ["open", "none"] as const;

export type InventoryCursor = { key: string | null; id: string };

export type InventoryFilters = {
  q?: string;
  source?: string;
  type?: string;
  env?: string;
  owner?: string;
  status?: (typeof STATUS_FILTERS)[number];
  age?: (typeof AGE_FILTERS)[number];
  expiry?: (typeof EXPIRY_FILTERS)[number];
  findings?: (typeof FINDINGS_FILTERS)[number];
  rule?: string;
};

export type InventoryState = {
  kind: InventoryKind;
  filters: InventoryFilters;
  sort: SortColumn;
  dir: "asc" | "desc";
  columns: InventoryColumn[];
  /** At most one of them: the page after / before a row. */
  after?: InventoryCursor;
  before?: InventoryCursor;
};

export const FILTER_KEYS = ["q", "source", "type", "env", "owner", "status", "age", "expiry", "findings", "rule"] as const;

/** Longest search and free-text value accepted; longer ones are ignored, not truncated. */
const MAX_TEXT = 200;
const text = z.string().trim().min(1).max(MAX_TEXT);
const token = z.string().regex(/^[a-z0-9][a-z0-9_.:-]{0,99}$/i);
const ownerValue = z.union([z.enum(["has", "none"]), z.email().max(MAX_TEXT).transform((email) => email.toLowerCase())]);

const filterSchemas = {
  q: text,
  source: token,
  type: token,
  env: text,
  owner: ownerValue,
  status: z.enum(STATUS_FILTERS),
  age: z.enum(AGE_FILTERS),
  expiry: z.enum(EXPIRY_FILTERS),
  findings: z.enum(FINDINGS_FILTERS),
  rule: token,
} satisfies Record<(typeof FILTER_KEYS)[number], z.ZodType>;

/** A cursor holds the last row's sort key as text; names may be long, URLs should not be. */
const MAX_CURSOR_KEY = 2000;
const cursorSchema = z.tuple([z.string().max(MAX_CURSOR_KEY).nullable(), z.uuid()]);

export function encodeCursor(cursor: InventoryCursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id]), "utf8").toString("base64url");
}

export function decodeCursor(value: string): InventoryCursor | undefined {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? { key: parsed.data[0], id: parsed.data[1] } : undefined;
  } catch {
    return undefined;
  }
}

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** The first value of a parameter (a repeated parameter keeps its first value). */
function first(params: RawParams, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

function valid<T>(schema: z.ZodType<T>, value: string | undefined): T | undefined {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function columnsOf(kind: InventoryKind, value: string | undefined): InventoryColumn[] {
  const known: readonly InventoryColumn[] = COLUMNS[kind];
  const wanted = new Set((value ?? "").split(","));
  const picked = known.filter((column) => wanted.has(column));
  // Name stays: it is the row's link to its detail page.
  return picked.length > 0 ? (picked.includes("name") ? picked : ["name", ...picked]) : [...DEFAULT_COLUMNS[kind]];
}

/** The page state a URL's query describes; anything unknown or invalid becomes its default. */
export function parseInventoryState(params: RawParams): InventoryState {
  const kind = valid(z.enum(INVENTORY_KINDS), first(params, "kind")) ?? "credentials";
  const filters: InventoryFilters = {};
  for (const key of FILTER_KEYS) {
    const value = valid(filterSchemas[key] as z.ZodType<string>, first(params, key));
    if (value !== undefined) (filters as Record<string, string>)[key] = value;
  }
  // Expiry is a credential's attribute only.
  if (kind === "identities") delete filters.expiry;
  const sortable: readonly SortColumn[] = SORTABLE_COLUMNS[kind];
  const sort = sortable.find((column) => column === first(params, "sort")) ?? "name";
  const dir = first(params, "dir") === "desc" ? "desc" : "asc";
  const after = valid(z.string().max(MAX_CURSOR_KEY * 5), first(params, "after"));
  const before = valid(z.string().max(MAX_CURSOR_KEY * 5), first(params, "before"));
  const state: InventoryState = { kind, filters, sort, dir, columns: columnsOf(kind, first(params, "cols")) };
  const cursor = after ? decodeCursor(after) : before ? decodeCursor(before) : undefined;
  if (cursor) state[after ? "after" : "before"] = cursor;
  return state;
}

const sameColumns = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((c) => b.includes(c));

/** The canonical query string (without "?") of a state: defaults left out, parameters in a fixed order. */
export function serializeInventoryState(state: InventoryState): string {
  const params = new URLSearchParams();
  if (state.kind !== "credentials") params.set("kind", state.kind);
  for (const key of FILTER_KEYS) {
    const value = state.filters[key];
    if (value !== undefined && !(key === "expiry" && state.kind === "identities")) params.set(key, value);
  }
  if (state.sort !== "name") params.set("sort", state.sort);
  if (state.dir !== "asc") params.set("dir", state.dir);
  if (!sameColumns(state.columns, DEFAULT_COLUMNS[state.kind])) {
    params.set("cols", COLUMNS[state.kind].filter((c) => (state.columns as readonly string[]).includes(c)).join(","));
  }
  if (state.after) params.set("after", encodeCursor(state.after));
  else if (state.before) params.set("before", encodeCursor(state.before));
  return params.toString();
}

/** `/inventory?…` of a state. */
export function inventoryHref(state: InventoryState): string {
  const query = serializeInventoryState(state);
  return query ? `/inventory?${query}` : "/inventory";
}

/** The same view from its first page: every change of filter, sort or kind starts over. */
export function firstPage(state: InventoryState): InventoryState {
  const { after: _after, before: _before, ...rest } = state;
  return rest;
}
