/*
 * What the inventory components receive by props (components never import lib/inventory): the
 * page maps the data layer's DTOs and the URL state onto these.
 */

export type InventoryKindProp = "credentials" | "identities";

export type InventoryRow = {
  id: string;
  name: string;
  type: string;
  externalId: string;
  sourceProvider: string;
  sourceName: string;
  environment: string | null;
  status: string;
  owner: { email: string; kind: string } | null;
  createdAt: string | null;
  openFindings: number;
  identity: { id: string; name: string } | null;
  rotatedAt: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
  lastActivityAt: string | null;
  credentials: number | null;
};

/** A column the table can show: its URL id, its header, and the links that sort by it. */
export type InventoryColumnProp = {
  id: string;
  label: string;
  /** Hrefs of this view sorted by the column; absent for columns no index can sort. */
  sort?: { asc: string; desc: string };
};

export type SortingProp = { column: string; dir: "asc" | "desc" };
