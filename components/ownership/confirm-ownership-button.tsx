"use client";

import { CheckCircle2 } from "lucide-react";
import type { OwnershipAction } from "@/components/ownership/action-result";
import { FormStatus } from "@/components/ownership/form-status";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";

/**
 * "I own this": the resolved owner confirms; an owner named only by a source becomes the
 * explicit owner. Show it to the resolved owner (or an analyst); the server checks again.
 */
export function ConfirmOwnershipButton({ identityId, confirm, confirmed }: {
  identityId: string;
  /** `confirmOwnershipAction` from lib/ownership/actions.ts. */
  confirm: OwnershipAction;
  /** Already confirmed: the button renews the confirmation. */
  confirmed?: boolean;
}) {
  const { result, pending, onSubmit } = useActionForm(confirm);
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="identityId" value={identityId} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        <CheckCircle2 className="size-3.5" aria-hidden />
        {pending ? "Confirming…" : confirmed ? "Confirm again" : "Confirm I own this"}
      </Button>
      <FormStatus result={result} fieldNames={[]} />
    </form>
  );
}
