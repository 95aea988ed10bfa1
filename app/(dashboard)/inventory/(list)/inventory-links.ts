import "server-only";
import {
  COLUMNS,
  DEFAULT_COLUMNS,
  firstPage,
  inventoryHref,
  SORTABLE_COLUMNS,
  type InventoryColumn,
  type InventoryKind,
  type InventoryState,
  type SortColumn,
} from "@/lib/inventory/inventory-url";
import type { InventoryPageDto } from "@/lib/inventory/inventory-query";
import type { ColumnToggleProp } from "@/components/inventory/column-picker";
import type { InventoryColumnProp } from "@/components/inventory/inventory-types";
import type { KindTabProp } from "@/components/inventory/kind-tabs";

/*
 * Every link of the inventory page, written from the URL state on the server: components never
 * learn the URL vocabulary, they follow hrefs (which also work without JavaScript).
 */

export const COLUMN_LABELS: Record<InventoryColumn, string> = {
  name: "Name",
  type: "Type",
  source: "Source",
  identity: "Identity",
  environment: "Environment",
  status: "Status",
  owner: "Owner",
  created: "Created",
  rotated: "Last rotated",
  lastUsed: "Last used",
  expires: "Expires",
  lastActivity: "Last activity",
  credentials: "Credentials",
  findings: "Open findings",
};

const isSortable = (kind: InventoryKind, column: string): column is SortColumn => (SORTABLE_COLUMNS[kind] as readonly string[]).includes(column);

/** The visible columns, with the hrefs that sort by each sortable one (a new order starts on page 1). */
export function tableColumns(state: InventoryState): InventoryColumnProp[] {
  return state.columns.map((id) => ({
    id,
    label: COLUMN_LABELS[id],
    ...(isSortable(state.kind, id)
      ? { sort: { asc: inventoryHref({ ...firstPage(state), sort: id, dir: "asc" }), desc: inventoryHref({ ...firstPage(state), sort: id, dir: "desc" }) } }
      : {}),
  }));
}

export function columnToggles(state: InventoryState): ColumnToggleProp[] {
  return (COLUMNS[state.kind] as readonly InventoryColumn[]).map((id) => {
    const visible = state.columns.includes(id);
    const columns = visible ? state.columns.filter((c) => c !== id) : [...state.columns, id];
    // The cursor survives: hiding a column changes neither the rows nor their order.
    return { id, label: COLUMN_LABELS[id], visible, locked: id === "name", href: inventoryHref({ ...state, columns }) };
  });
}

/** The other kind keeps the filters both kinds understand and starts from its own defaults. */
export function kindTabs(state: InventoryState): KindTabProp[] {
  const labels: Record<InventoryKind, string> = { credentials: "Credentials", identities: "Identities" };
  return (Object.keys(labels) as InventoryKind[]).map((kind) => ({
    label: labels[kind],
    current: kind === state.kind,
    href: inventoryHref({
      kind,
      filters: kind === "identities" ? { ...state.filters, expiry: undefined } : state.filters,
      sort: isSortable(kind, state.sort) ? state.sort : "name",
      dir: state.dir,
      columns: [...DEFAULT_COLUMNS[kind]],
    }),
  }));
}

export function pageLinks(state: InventoryState, page: InventoryPageDto): { previousHref: string | null; nextHref: string | null } {
  const base = firstPage(state);
  return {
    previousHref: page.previous ? inventoryHref({ ...base, before: page.previous }) : null,
    nextHref: page.next ? inventoryHref({ ...base, after: page.next }) : null,
  };
}

/** The same view without any filter (kind, sort and columns stay). */
export const clearFiltersHref = (state: InventoryState) => inventoryHref({ ...firstPage(state), filters: {} });

/** Parameters the filter form keeps while it replaces the filters. */
export function keptParameters(state: InventoryState): Record<string, string> {
  const params = new URLSearchParams(clearFiltersHref(state).split("?")[1] ?? "");
  return Object.fromEntries(params);
}
