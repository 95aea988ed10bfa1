"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import {
  createColumnHelper,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type RowSelectionState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { InventoryCell, NUMERIC_COLUMNS } from "@/components/inventory/inventory-cell";
import { SelectionActions, type ExportSelection } from "@/components/inventory/selection-actions";
import type { InventoryColumnProp, InventoryKindProp, InventoryRow, SortingProp } from "@/components/inventory/inventory-types";

/*
 * The inventory table: TanStack Table in server-side mode. The server has already filtered,
 * sorted and paged the rows; sorting here only navigates to the URL of the new order (the page's
 * hrefs), and selection stays in the browser for the bulk actions.
 */

// Visible columns are part of the URL (`cols`), so the server sends only those: no visibility feature here.
const features = tableFeatures({ rowSortingFeature, rowSelectionFeature });
const helper = createColumnHelper<typeof features, InventoryRow>();

type Props = {
  kind: InventoryKindProp;
  rows: InventoryRow[];
  columns: InventoryColumnProp[];
  sorting: SortingProp;
  /** The instant the server rendered against (ISO), so relative dates agree on both sides. */
  now: string;
  exportSelection: ExportSelection | null;
};

export function InventoryTable({ kind, rows, columns, sorting, now, exportSelection }: Props) {
  const router = useRouter();
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const nowDate = useMemo(() => new Date(now), [now]);
  const byId = useMemo(() => new Map(columns.map((c) => [c.id, c])), [columns]);

  const columnDefs = useMemo(
    () =>
      helper.columns([
        helper.display({
          id: "select",
          enableSorting: false,
          header: ({ table }) => (
            <input
              type="checkbox"
              aria-label="Select all rows on this page"
              checked={table.getIsAllPageRowsSelected()}
              ref={(el) => {
                if (el) el.indeterminate = table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected();
              }}
              onChange={table.getToggleAllPageRowsSelectedHandler()}
            />
          ),
          cell: ({ row }) => (
            <input type="checkbox" aria-label={`Select ${row.original.name}`} checked={row.getIsSelected()} onChange={row.getToggleSelectedHandler()} />
          ),
        }),
        ...columns.map((column) =>
          helper.accessor((row) => row.id, {
            id: column.id,
            header: column.label,
            enableSorting: column.sort !== undefined,
            cell: ({ row }) => <InventoryCell column={column.id} row={row.original} kind={kind} now={nowDate} />,
          }),
        ),
      ]),
    [columns, kind, nowDate],
  );

  const sortingState: SortingState = [{ id: sorting.column, desc: sorting.dir === "desc" }];
  const onSortingChange = (updater: Updater<SortingState>) => {
    const [next] = typeof updater === "function" ? updater(sortingState) : updater;
    const hrefs = next ? byId.get(next.id)?.sort : undefined;
    if (next && hrefs) router.push(next.desc ? hrefs.desc : hrefs.asc);
  };

  const table = useTable({
    features,
    columns: columnDefs,
    data: rows,
    getRowId: (row) => row.id,
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    state: { sorting: sortingState, rowSelection },
    onSortingChange,
    onRowSelectionChange: setRowSelection,
  });

  const selectedIds = Object.keys(rowSelection).filter((id) => rows.some((r) => r.id === id));

  return (
    <div>
      <SelectionActions kind={kind} selectedIds={selectedIds} exportSelection={exportSelection} onClear={() => setRowSelection({})} />
      <Card className="max-h-[70vh] overflow-auto">
        <table className="w-full text-left text-sm">
          <thead className="sticky top-0 z-10 bg-surface-2 text-xs text-muted">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const numeric = NUMERIC_COLUMNS.has(header.column.id);
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      className={cn("whitespace-nowrap px-3 py-2 font-medium", header.column.id === "select" && "w-8", numeric && "text-right")}
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className="inline-flex items-center gap-1 rounded hover:text-fg"
                          title={`Sort by ${String(header.column.columnDef.header)}`}
                        >
                          <table.FlexRender header={header} />
                          {sorted === "asc" ? <ArrowUp size={12} aria-hidden /> : sorted === "desc" ? <ArrowDown size={12} aria-hidden /> : <ArrowUpDown size={12} aria-hidden className="opacity-40" />}
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className={cn("border-t border-border align-top", row.getIsSelected() && "bg-accent/5")}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={cn("px-3 py-2", NUMERIC_COLUMNS.has(cell.column.id) && "text-right")}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
