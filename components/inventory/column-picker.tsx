import Link from "next/link";
import { Check, Columns3 } from "lucide-react";

/** A column that can be shown or hidden, and the href of this view with it toggled. */
export type ColumnToggleProp = { id: string; label: string; visible: boolean; href: string; locked: boolean };

/** Column visibility as links: the visible columns are part of the URL (`cols`), so they are shared too. */
export function ColumnPicker({ columns }: { columns: ColumnToggleProp[] }) {
  return (
    <details className="relative">
      <summary className="inline-flex h-7 cursor-pointer list-none items-center gap-1.5 rounded-md border border-border bg-surface px-2.5 text-xs font-medium hover:bg-surface-2">
        <Columns3 size={14} aria-hidden /> Columns
      </summary>
      <ul className="absolute right-0 z-20 mt-1 w-48 rounded-md border border-border bg-surface p-1 text-sm shadow-lg">
        {columns.map((column) => (
          <li key={column.id}>
            {column.locked ? (
              <span className="flex items-center gap-2 px-2 py-1 text-muted">
                <Check size={14} aria-hidden /> {column.label}
              </span>
            ) : (
              <Link href={column.href} aria-pressed={column.visible} className="flex items-center gap-2 rounded px-2 py-1 hover:bg-surface-2">
                <Check size={14} aria-hidden className={column.visible ? "" : "invisible"} />
                {column.label}
                <span className="sr-only">{column.visible ? "(shown, select to hide)" : "(hidden, select to show)"}</span>
              </Link>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
