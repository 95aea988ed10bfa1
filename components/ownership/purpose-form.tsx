"use client";

import { useId } from "react";
import type { OwnershipAction } from "@/components/ownership/action-result";
import { FormStatus } from "@/components/ownership/form-status";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";

const FIELDS = ["purpose", "endDate"] as const;

/**
 * What the identity is for and until when. Once the end date has passed and the identity still
 * has active credentials, the `outlived-purpose` finding opens.
 */
export function PurposeForm({ identityId, declare, current }: {
  identityId: string;
  /** `declarePurposeAction` from lib/ownership/actions.ts. */
  declare: OwnershipAction;
  current: { purpose: string | null; endDate: string | null };
}) {
  const { result, pending, fieldError, onSubmit } = useActionForm(declare);
  const id = useId();
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Declare purpose">
      <input type="hidden" name="identityId" value={identityId} />
      <div className="grid items-start gap-3 md:grid-cols-[3fr_1fr]">
        <div>
          <Label htmlFor={`${id}-purpose`}>Purpose</Label>
          <Input
            id={`${id}-purpose`}
            name="purpose"
            required
            maxLength={500}
            placeholder="e.g. Deploys the payments service from CI"
            defaultValue={current.purpose ?? undefined}
            aria-invalid={!!fieldError("purpose")}
            aria-describedby={`${id}-purpose-error`}
          />
          <FieldError id={`${id}-purpose-error`} message={fieldError("purpose")} />
        </div>
        <div>
          <Label htmlFor={`${id}-endDate`}>End date (optional)</Label>
          <Input
            id={`${id}-endDate`}
            name="endDate"
            type="date"
            defaultValue={current.endDate?.slice(0, 10)}
            aria-invalid={!!fieldError("endDate")}
            aria-describedby={`${id}-endDate-error ${id}-endDate-help`}
          />
          <p id={`${id}-endDate-help`} className="mt-1 text-xs text-muted">After this day its credentials should be gone.</p>
          <FieldError id={`${id}-endDate-error`} message={fieldError("endDate")} />
        </div>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save purpose"}</Button>
        <FormStatus result={result} fieldNames={FIELDS} />
      </div>
    </form>
  );
}
