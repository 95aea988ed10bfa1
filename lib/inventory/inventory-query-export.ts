import "server-only";
import { z } from "zod";
import { requirePermission, type Caller } from "@/lib/auth/session-context";
import { csvRow } from "@/lib/inventory/csv-cell";
import { inventoryRowsByIds, type InventoryRowDto, type QueryInventoryOptions } from "@/lib/inventory/inventory-query";
import { INVENTORY_KINDS, type InventoryKind } from "@/lib/inventory/inventory-url";

/*
 * "Export selection as CSV" of the inventory page: the selected rows with the table's columns,
 * through the export's CSV cell writer (quoting, and the formula-injection guard of csv-cell.ts).
 * For the whole inventory in Keyward's importable format, `keyward export --format csv`.
 */

/** A selection is what a person ticks on pages of 50, not a bulk export. */
export const MAX_SELECTION = 500;

export const exportSelectionSchema = z.object({
  kind: z.enum(INVENTORY_KINDS),
  ids: z.array(z.uuid()).min(1, "Select at least one row.").max(MAX_SELECTION, `Select at most ${MAX_SELECTION} rows.`),
});

type Column = [header: string, value: (row: InventoryRowDto) => unknown];

const SHARED: Column[] = [
  ["id", (r) => r.id],
  ["name", (r) => r.name],
  ["type", (r) => r.type],
  ["externalId", (r) => r.externalId],
  ["source", (r) => r.sourceProvider],
  ["sourceName", (r) => r.sourceName],
  ["environment", (r) => r.environment],
  ["status", (r) => r.status],
  ["owner", (r) => r.owner?.email],
  ["ownerKind", (r) => r.owner?.kind],
  ["createdAt", (r) => r.createdAt],
];

const COLUMNS: Record<InventoryKind, Column[]> = {
  credentials: [
    ...SHARED,
    ["identityId", (r) => r.identity?.id],
    ["identity", (r) => r.identity?.name],
    ["rotatedAt", (r) => r.rotatedAt],
    ["lastUsedAt", (r) => r.lastUsedAt],
    ["expiresAt", (r) => r.expiresAt],
    ["openFindings", (r) => r.openFindings],
  ],
  identities: [...SHARED, ["lastActivityAt", (r) => r.lastActivityAt], ["credentials", (r) => r.credentials], ["openFindings", (r) => r.openFindings]],
};

/** CSV (header row first) of the selected rows the caller may see; unknown or hidden ids are left out. */
export async function exportInventorySelection(caller: Caller, input: unknown, options: QueryInventoryOptions = {}): Promise<{ csv: string; rows: number }> {
  requirePermission(caller, "reports:export");
  const { kind, ids } = exportSelectionSchema.parse(input);
  const rows = await inventoryRowsByIds(caller, kind, ids, options);
  const columns = COLUMNS[kind];
  const lines = [csvRow(columns.map(([header]) => header)), ...rows.map((row) => csvRow(columns.map(([, value]) => value(row))))];
  return { csv: lines.join(""), rows: rows.length };
}
