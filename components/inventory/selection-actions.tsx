"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useBulkActions } from "@/components/inventory/bulk-actions-context";
import { BulkAssignOwnerDialog } from "@/components/inventory/bulk-assign-owner-dialog";
import type { InventoryKindProp } from "@/components/inventory/inventory-types";

/** The server action that turns selected ids into CSV (null when the caller may not export). */
export type ExportSelection = (input: { kind: InventoryKindProp; ids: string[] }) => Promise<{ ok: true; csv: string; filename: string } | { ok: false; error: string }>;

function download(csv: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  link.click();
  URL.revokeObjectURL(url);
}

/** Bulk actions on the rows selected on this page. */
export function SelectionActions({ kind, selectedIds, exportSelection, onClear }: {
  kind: InventoryKindProp;
  selectedIds: string[];
  exportSelection: ExportSelection | null;
  onClear: () => void;
}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { assignOwner } = useBulkActions();
  const router = useRouter();
  const count = selectedIds.length;

  function ownerAssigned(message: string) {
    setError(null);
    setNotice(message);
    onClear();
    // The owner column shows the new owner (the action also revalidated the cached pages).
    router.refresh();
  }

  function exportCsv() {
    if (!exportSelection) return;
    startTransition(async () => {
      const result = await exportSelection({ kind, ids: selectedIds });
      setNotice(null);
      if (result.ok) {
        setError(null);
        download(result.csv, result.filename);
      } else setError(result.error);
    });
  }

  return (
    // Only the count and the outcomes are live regions: the dialog (inside this bar) is not.
    <div className="mb-2 flex min-h-8 flex-wrap items-center gap-2 text-sm">
      <span className="text-muted" aria-live="polite">{count === 0 ? "Select rows for bulk actions." : `${count} selected`}</span>
      <Button
        size="sm"
        variant="secondary"
        disabled={count === 0 || pending || !exportSelection}
        onClick={exportCsv}
        title={exportSelection ? "Download the selected rows as CSV" : "Your role cannot export (reports:export)"}
      >
        <Download size={14} aria-hidden /> {pending ? "Exporting…" : "Export selection as CSV"}
      </Button>
      <BulkAssignOwnerDialog kind={kind} selectedIds={selectedIds} assignOwner={assignOwner} onAssigned={ownerAssigned} />
      {count > 0 ? (
        <Button size="sm" variant="ghost" onClick={onClear}>
          Clear selection
        </Button>
      ) : null}
      {notice ? (
        <span role="status" className="text-xs text-ok">
          {notice}
        </span>
      ) : null}
      {error ? (
        <span role="alert" className="text-xs text-danger">
          {error}
        </span>
      ) : null}
    </div>
  );
}
