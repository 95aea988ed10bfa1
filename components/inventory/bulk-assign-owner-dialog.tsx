"use client";

import { useId, useRef, useState, useTransition, type FormEvent } from "react";
import { UserPlus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import type { InventoryKindProp } from "@/components/inventory/inventory-types";

/*
 * "Assign owner" for the rows selected on the inventory page: a native modal dialog (focus moves
 * in, Escape closes it, the page behind is inert) with the owner, an optional backup and a note.
 * The server decides (lib/ownership/bulk-assign.ts); the checks here only save a round trip.
 */

const FIELDS = ["ownerEmail", "backupEmail", "note"] as const;
type Field = (typeof FIELDS)[number];
type FieldErrors = Partial<Record<Field, string>>;

/** Longest note the server keeps (lib/ownership/ownership-schemas.ts MAX_NOTE_CHARS). */
const MAX_NOTE_CHARS = 500;

export type BulkAssignOwnerResult =
  | { ok: true; assigned: number; skippedCredentials: number; notInDirectory: string[] }
  | { ok: false; error: string; field?: string };

/** The server action (null when the caller may not write the inventory). */
export type BulkAssignOwner = (input: { kind: InventoryKindProp; ids: string[]; ownerEmail: string; backupEmail: string; note: string }) => Promise<BulkAssignOwnerResult>;

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** What the page says after a success: how many identities, and what was left out. */
export function assignedMessage(result: { assigned: number; skippedCredentials: number; notInDirectory: readonly string[] }): string {
  const parts = [`Owner set for ${plural(result.assigned, "identity", "identities")}.`];
  if (result.skippedCredentials > 0) {
    const n = result.skippedCredentials;
    parts.push(`${plural(n, "credential", "credentials")} ${n === 1 ? "has" : "have"} no identity and ${n === 1 ? "was" : "were"} skipped.`);
  }
  if (result.notInDirectory.length > 0) parts.push(`Not in the people directory: ${result.notInDirectory.join(", ")}.`);
  return parts.join(" ");
}

// The shape only; the server checks the directory (a person who left is refused there).
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The errors a person can be told before anything is sent, in the server's own words. */
export function checkOwnerFields(values: Record<Field, string>): FieldErrors {
  const errors: FieldErrors = {};
  const owner = values.ownerEmail.trim().toLowerCase();
  const backup = values.backupEmail.trim().toLowerCase();
  if (!owner) errors.ownerEmail = "Give the owner's e-mail address.";
  else if (!EMAIL.test(owner)) errors.ownerEmail = "The owner's e-mail address is not valid.";
  if (backup && !EMAIL.test(backup)) errors.backupEmail = "The backup owner's e-mail address is not valid.";
  else if (backup && backup === owner) errors.backupEmail = "The backup owner must be someone else.";
  if (values.note.trim().length > MAX_NOTE_CHARS) errors.note = `Keep the note under ${MAX_NOTE_CHARS} characters.`;
  return errors;
}

function reasonDisabled(permitted: boolean, count: number): string | null {
  if (!permitted) return "Your role cannot assign owners (inventory:write).";
  if (count === 0) return "Select rows to assign them an owner.";
  return null;
}

export function BulkAssignOwnerDialog({ kind, selectedIds, assignOwner, onAssigned }: {
  kind: InventoryKindProp;
  selectedIds: string[];
  assignOwner: BulkAssignOwner | null;
  /** Called with the confirmation once the owner is set (the dialog has closed). */
  onAssigned: (message: string) => void;
}) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const count = selectedIds.length;
  const disabledReason = reasonDisabled(assignOwner !== null, count);

  function focusField(field: Field) {
    const element = formRef.current?.elements.namedItem(field);
    if (element instanceof HTMLElement) element.focus();
  }

  function open() {
    setErrors({});
    setFormError(null);
    dialogRef.current?.showModal();
    focusField("ownerEmail");
  }

  function close() {
    dialogRef.current?.close();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!assignOwner || pending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const values = Object.fromEntries(FIELDS.map((field) => [field, String(data.get(field) ?? "")])) as Record<Field, string>;
    const problems = checkOwnerFields(values);
    setErrors(problems);
    setFormError(null);
    const first = FIELDS.find((field) => problems[field]);
    if (first) {
      focusField(first);
      return;
    }
    const ids = [...selectedIds];
    startTransition(async () => {
      const result = await assignOwner({ kind, ids, ...values });
      if (result.ok) {
        form.reset();
        close();
        onAssigned(assignedMessage(result));
        return;
      }
      const field = FIELDS.find((name) => name === result.field);
      if (field) {
        setErrors({ [field]: result.error });
        focusField(field);
      } else setFormError(result.error);
    });
  }

  const field = (name: Field) => ({
    id: `${id}-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": `${id}-${name}-error`,
  });

  return (
    <>
      {/* A disabled button takes no pointer events: its wrapper carries the tooltip, the description tells screen readers. */}
      <span title={disabledReason ?? `Set the owner of the ${kind === "credentials" ? "selected credentials' identities" : "selected identities"}`}>
        <Button size="sm" variant="secondary" disabled={disabledReason !== null} onClick={open} aria-haspopup="dialog" aria-describedby={disabledReason ? `${id}-why` : undefined}>
          <UserPlus size={14} aria-hidden /> Assign owner
        </Button>
      </span>
      {disabledReason && count > 0 ? (
        <span id={`${id}-why`} className="text-xs text-muted">
          {disabledReason}
        </span>
      ) : disabledReason ? (
        <span id={`${id}-why`} className="sr-only">
          {disabledReason}
        </span>
      ) : null}
      <dialog ref={dialogRef} aria-labelledby={`${id}-title`} className="m-auto w-[32rem] max-w-[95vw] rounded-lg border border-border bg-surface p-0 text-fg backdrop:bg-black/40">
        <div className="flex items-center justify-between border-b border-border px-4 py-3">
          <h2 id={`${id}-title`} className="text-sm font-semibold">
            Assign an owner
          </h2>
          <button type="button" onClick={close} aria-label="Close" className="rounded px-2 text-muted hover:bg-surface-2">
            ×
          </button>
        </div>
        <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3 p-4" aria-label={`Assign an owner to ${plural(count, kind === "credentials" ? "credential" : "identity", kind)}`}>
          <p className="text-sm text-muted">
            {kind === "credentials"
              ? `${plural(count, "credential", "credentials")} selected. The owner is set on the identities they belong to; credentials without an identity are skipped.`
              : `${plural(count, "identity", "identities")} selected.`}
          </p>
          <div>
            <Label htmlFor={`${id}-ownerEmail`}>Owner e-mail</Label>
            <Input {...field("ownerEmail")} type="email" required aria-required autoComplete="off" />
            <FieldError id={`${id}-ownerEmail-error`} message={errors.ownerEmail} />
          </div>
          <div>
            <Label htmlFor={`${id}-backupEmail`}>Backup owner e-mail (optional)</Label>
            <Input {...field("backupEmail")} type="email" autoComplete="off" />
            <FieldError id={`${id}-backupEmail-error`} message={errors.backupEmail} />
          </div>
          <div>
            <Label htmlFor={`${id}-note`}>Note (optional)</Label>
            <Input {...field("note")} maxLength={MAX_NOTE_CHARS} placeholder="Why, or a ticket reference" />
            <FieldError id={`${id}-note-error`} message={errors.note} />
          </div>
          {formError ? (
            <p role="alert" className="text-sm text-danger">
              {formError}
            </p>
          ) : null}
          <div className="flex items-center justify-end gap-2">
            <Button type="button" variant="ghost" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Setting owner…" : "Set owner"}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
