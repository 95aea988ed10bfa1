"use client";

import { useId } from "react";
import type { CampaignAction } from "@/components/campaigns/action-result";
import { DialogButton } from "@/components/campaigns/confirm-dialog";
import { Button } from "@/components/ui/button";
import { FieldError, Label } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import type { CampaignStatus, DefaultAction } from "@/lib/campaigns/campaign-types";

type Actions = { activate: CampaignAction; close: CampaignAction; cancel: CampaignAction };

function Outcome({ result }: { result: Awaited<ReturnType<CampaignAction>> | null }) {
  if (!result) return null;
  return result.ok ? (
    <p role="status" className="text-sm text-ok">
      {result.message}
    </p>
  ) : result.field ? null : (
    <p role="alert" className="text-sm text-danger">
      {result.error}
    </p>
  );
}

/** One confirmation form: what will happen, an optional text field, the confirming button. */
function ConfirmForm({ campaignId, action, explanation, submit, pendingLabel, variant = "primary", textField }: {
  campaignId: string;
  action: CampaignAction;
  explanation: string;
  submit: string;
  pendingLabel: string;
  variant?: "primary" | "danger";
  textField?: { name: string; label: string };
}) {
  const { result, pending, fieldError, onSubmit } = useActionForm(action);
  const id = useId();
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="campaignId" value={campaignId} />
      <p className="text-sm text-muted">{explanation}</p>
      {textField ? (
        <div>
          <Label htmlFor={`${id}-${textField.name}`}>{textField.label}</Label>
          <textarea id={`${id}-${textField.name}`} name={textField.name} maxLength={4000} className="min-h-20 w-full rounded-md border border-border bg-surface px-3 py-2 text-sm" aria-describedby={`${id}-${textField.name}-error`} />
          <FieldError id={`${id}-${textField.name}-error`} message={fieldError(textField.name)} />
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant={variant} disabled={pending || result?.ok}>
          {pending ? pendingLabel : submit}
        </Button>
        <Outcome result={result} />
      </div>
    </form>
  );
}

/** Start, close or cancel a campaign, each confirmed in a dialog; only the moves its state allows. */
export function LifecycleButtons({ campaignId, status, defaultAction, pending, actions }: {
  campaignId: string;
  status: CampaignStatus;
  defaultAction: DefaultAction;
  /** Items without a decision (they get the default action at close). */
  pending: number;
  actions: Actions;
}) {
  if (status === "CLOSED" || status === "CANCELLED") return null;
  return (
    <div className="flex flex-wrap gap-2">
      {status === "DRAFT" ? (
        <DialogButton label="Activate" title="Activate the campaign" variant="primary">
          {() => (
            <ConfirmForm
              campaignId={campaignId}
              action={actions.activate}
              explanation="The scope is frozen now: every matching identity becomes an item with its reviewer (owner, backup, manager, then the security queue), and reviewers are notified."
              submit="Activate campaign"
              pendingLabel="Activating…"
            />
          )}
        </DialogButton>
      ) : null}
      {status === "ACTIVE" ? (
        <DialogButton label="Close" title="Close the campaign" variant="primary">
          {() => (
            <ConfirmForm
              campaignId={campaignId}
              action={actions.close}
              explanation={`Decisions become final. ${pending.toLocaleString("en")} undecided item${pending === 1 ? "" : "s"} will get the default action (${defaultAction}); revoke and rotate decisions become remediation tasks.`}
              submit="Close campaign"
              pendingLabel="Closing…"
              textField={{ name: "signOff", label: "Sign-off statement (part of the evidence)" }}
            />
          )}
        </DialogButton>
      ) : null}
      <DialogButton label="Cancel campaign" title="Cancel the campaign" variant="danger">
        {() => (
          <ConfirmForm
            campaignId={campaignId}
            action={actions.cancel}
            explanation="A cancelled campaign takes no more decisions and applies no default action. This cannot be undone."
            submit="Cancel campaign"
            pendingLabel="Cancelling…"
            variant="danger"
          />
        )}
      </DialogButton>
    </div>
  );
}
