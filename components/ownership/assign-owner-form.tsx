"use client";

import { useId } from "react";
import type { OwnershipAction } from "@/components/ownership/action-result";
import { FormStatus } from "@/components/ownership/form-status";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";

const FIELDS = ["ownerEmail", "backupEmail", "note"] as const;

/**
 * Assigns an explicit owner (and optionally a backup) to one identity or a bulk selection. The
 * ids travel in one hidden field, comma-separated; the server accepts up to 10,000.
 */
export function AssignOwnerForm({
  identityIds,
  assign,
  current,
}: {
  identityIds: readonly string[];
  /** `assignOwnerAction` from lib/ownership/actions.ts. */
  assign: OwnershipAction;
  /** The present assignment, to edit it (single identity). */
  current?: { ownerEmail: string; backupEmail: string | null; note: string | null };
}) {
  const { result, pending, fieldError, onSubmit } = useActionForm(assign);
  const id = useId();
  const count = identityIds.length;
  const field = (name: (typeof FIELDS)[number]) => ({
    id: `${id}-${name}`,
    name,
    "aria-invalid": !!fieldError(name),
    "aria-describedby": `${id}-${name}-error`,
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={count === 1 ? "Assign an owner" : `Assign an owner to ${count} identities`}>
      <input type="hidden" name="identityIds" value={identityIds.join(",")} />
      {count > 1 ? <p className="text-sm text-muted">{count.toLocaleString("en")} identities selected.</p> : null}
      <div className="grid items-start gap-3 md:grid-cols-2">
        <div>
          <Label htmlFor={`${id}-ownerEmail`}>Owner e-mail</Label>
          <Input {...field("ownerEmail")} type="email" required autoComplete="off" defaultValue={current?.ownerEmail} />
          <FieldError id={`${id}-ownerEmail-error`} message={fieldError("ownerEmail")} />
        </div>
        <div>
          <Label htmlFor={`${id}-backupEmail`}>Backup owner e-mail (optional)</Label>
          <Input {...field("backupEmail")} type="email" autoComplete="off" defaultValue={current?.backupEmail ?? undefined} />
          <FieldError id={`${id}-backupEmail-error`} message={fieldError("backupEmail")} />
        </div>
      </div>
      <div>
        <Label htmlFor={`${id}-note`}>Note (optional)</Label>
        <Input {...field("note")} maxLength={500} placeholder="Why, or a ticket reference" defaultValue={current?.note ?? undefined} />
        <FieldError id={`${id}-note-error`} message={fieldError("note")} />
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending || count === 0}>
          {pending ? "Assigning…" : count > 1 ? `Assign to ${count.toLocaleString("en")}` : "Assign owner"}
        </Button>
        <FormStatus result={result} fieldNames={FIELDS} />
      </div>
    </form>
  );
}
