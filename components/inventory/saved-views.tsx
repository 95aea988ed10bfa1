"use client";

import Link from "next/link";
import { useTransition } from "react";
import { Bookmark, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import { useActionForm, type FormResult } from "@/components/ui/use-action-form";

export type SavedViewProp = { id: string; name: string; href: string; current: boolean };

type Props = {
  views: SavedViewProp[];
  /** The query of the view on screen, saved as it is. */
  query: string;
  saveView: (input: unknown) => Promise<FormResult>;
  deleteView: (input: unknown) => Promise<FormResult>;
};

function DeleteViewButton({ view, deleteView }: { view: SavedViewProp; deleteView: Props["deleteView"] }) {
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => startTransition(async () => void (await deleteView({ id: view.id })))}
      aria-label={`Delete the view ${view.name}`}
      className="rounded p-1 text-muted hover:bg-surface-2 hover:text-danger disabled:opacity-50"
    >
      <Trash2 size={14} aria-hidden />
    </button>
  );
}

/** The caller's saved views (each a link to its URL), saving the current one, deleting one. */
export function SavedViews({ views, query, saveView, deleteView }: Props) {
  const { result, pending, fieldError, onSubmit } = useActionForm(saveView);
  return (
    <details className="relative">
      <summary className="inline-flex h-7 cursor-pointer list-none items-center gap-1.5 rounded-md border border-border bg-surface px-2.5 text-xs font-medium hover:bg-surface-2">
        <Bookmark size={14} aria-hidden /> Saved views{views.length ? ` (${views.length})` : ""}
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-72 rounded-md border border-border bg-surface p-3 text-sm shadow-lg">
        {views.length === 0 ? (
          <p className="mb-3 text-xs text-muted">No saved views yet. Filter and sort the list, then save it here.</p>
        ) : (
          <ul className="mb-3 space-y-0.5">
            {views.map((view) => (
              <li key={view.id} className="flex items-center justify-between gap-2">
                <Link href={view.href} aria-current={view.current ? "page" : undefined} className="truncate rounded px-1 py-0.5 hover:bg-surface-2">
                  {view.name}
                </Link>
                <DeleteViewButton view={view} deleteView={deleteView} />
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={onSubmit} className="border-t border-border pt-3">
          <input type="hidden" name="query" value={query} />
          <Label htmlFor="saved-view-name">Save this view as</Label>
          <div className="flex gap-2">
            <Input id="saved-view-name" name="name" required maxLength={80} aria-describedby="saved-view-name-error" className="h-8" />
            <Button type="submit" size="sm" disabled={pending} className="h-8">
              Save
            </Button>
          </div>
          <FieldError id="saved-view-name-error" message={fieldError("name")} />
          {result?.ok ? (
            <p role="status" className="mt-1 text-xs text-ok">
              Saved.
            </p>
          ) : null}
        </form>
      </div>
    </details>
  );
}
