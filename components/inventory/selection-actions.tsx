"use client";

import { useState, useTransition } from "react";
import { Download, UserPlus } from "lucide-react";
import { Button } from "@/components/ui/button";
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
  const count = selectedIds.length;

  function exportCsv() {
    if (!exportSelection) return;
    startTransition(async () => {
      const result = await exportSelection({ kind, ids: selectedIds });
      if (result.ok) {
        setError(null);
        download(result.csv, result.filename);
      } else setError(result.error);
    });
  }

  return (
    <div className="mb-2 flex min-h-8 flex-wrap items-center gap-2 text-sm" aria-live="polite">
      <span className="text-muted">{count === 0 ? "Select rows for bulk actions." : `${count} selected`}</span>
      <Button
        size="sm"
        variant="secondary"
        disabled={count === 0 || pending || !exportSelection}
        onClick={exportCsv}
        title={exportSelection ? "Download the selected rows as CSV" : "Your role cannot export (reports:export)"}
      >
        <Download size={14} aria-hidden /> {pending ? "Exporting…" : "Export selection as CSV"}
      </Button>
      <Button size="sm" variant="secondary" disabled title="Bulk owner assignment is not wired to this page yet: assign owners from an identity's page for now.">
        <UserPlus size={14} aria-hidden /> Assign owner
      </Button>
      {count > 0 ? (
        <Button size="sm" variant="ghost" onClick={onClear}>
          Clear selection
        </Button>
      ) : null}
      {error ? (
        <span role="alert" className="text-xs text-danger">
          {error}
        </span>
      ) : null}
    </div>
  );
}
