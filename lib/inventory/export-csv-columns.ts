import { CSV_COLUMNS, FINDING_COLUMNS } from "@/connectors/keyward/formats/csv-columns";

/*
 * Columns of `keyward export --format csv`. The export writes Keyward CSV, whose columns are defined
 * once, by the format (connectors/keyward/formats/csv-columns.ts, docs/formats/keyward.md), so an
 * exported folder imports back. Only `value` is left out: the export never holds a secret value.
 */

const withoutValue = (columns: readonly string[]) => columns.filter((column) => column !== "value");

export const EXPORT_CSV_COLUMNS = {
  identities: CSV_COLUMNS.identity,
  credentials: withoutValue(CSV_COLUMNS.credential),
  resources: CSV_COLUMNS.resource,
  edges: CSV_COLUMNS.edge,
  people: CSV_COLUMNS.person,
  findings: FINDING_COLUMNS,
} as const;

/** The `kind` cell of each section's rows. */
export const KIND_OF_SECTION = {
  identities: "identity",
  credentials: "credential",
  resources: "resource",
  edges: "edge",
  people: "person",
  findings: "finding",
} as const;
