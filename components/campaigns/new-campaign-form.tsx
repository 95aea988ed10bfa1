"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import type { CampaignAction, CampaignActionResult } from "@/components/campaigns/action-result";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError, Input, Label, Select } from "@/components/ui/input";

export type SourceOption = { id: string; name: string; provider: string };

/** Fields that may hold several values (checkboxes); every other field is one string. */
const MULTI_FIELDS = new Set(["sourceIds"]);

function formValues(form: HTMLFormElement): Record<string, string | string[]> {
  const data = new FormData(form);
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(data.keys())) {
    values[key] = MULTI_FIELDS.has(key) ? data.getAll(key).map(String) : String(data.get(key) ?? "");
  }
  return values;
}

const TEXTAREA = "min-h-16 w-full rounded-md border border-border bg-surface px-3 py-2 text-sm";

/**
 * A new campaign: the scope filter, the exclusions, who answers last, the due date and the
 * schedule. The server validates every field and names the wrong one; on success the draft opens.
 */
export function NewCampaignForm({ sources, create, defaultDue }: { sources: SourceOption[]; create: CampaignAction; defaultDue: string }) {
  const router = useRouter();
  const [result, setResult] = useState<CampaignActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const errorOf = (field: string) => (result && !result.ok && result.field === field ? result.error : null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    startTransition(async () => {
      const outcome = await create(values);
      setResult(outcome);
      if (outcome.ok && outcome.id) router.push(`/campaigns/${outcome.id}`);
    });
  }

  /** One labelled field with its error, wired for screen readers. */
  const field = (name: string, label: string, control: (props: { id: string; name: string; "aria-invalid": boolean; "aria-describedby": string }) => ReactNode, hint?: string) => (
    <div>
      <Label htmlFor={`campaign-${name}`}>{label}</Label>
      {control({ id: `campaign-${name}`, name, "aria-invalid": !!errorOf(name), "aria-describedby": `campaign-${name}-error` })}
      {hint ? <p className="mt-1 text-xs text-muted">{hint}</p> : null}
      <FieldError id={`campaign-${name}-error`} message={errorOf(name)} />
    </div>
  );
  const knownFields = ["name", "description", "sourceIds", "types", "environments", "minRisk", "rules", "ownerEmail", "notReviewedInDays", "exclusions", "defaultAction", "securityQueue", "dueAt", "recurrence", "reviewDays"];
  const unplaced = result && !result.ok && !knownFields.includes(result.field ?? "") ? result.error : null;

  return (
    <form onSubmit={onSubmit} noValidate aria-label="New campaign" className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <div className="space-y-6">
        <Card className="space-y-4 p-4">
          <h2 className="text-sm font-semibold">Campaign</h2>
          {field("name", "Name", (p) => <Input {...p} required maxLength={200} placeholder="e.g. Q4 production service accounts" />)}
          {field("description", "Description (optional)", (p) => <textarea {...p} maxLength={2000} className={TEXTAREA} />)}
        </Card>
        <Card className="space-y-4 p-4">
          <div>
            <h2 className="text-sm font-semibold">Scope</h2>
            <p className="text-xs text-muted">Identities matching every filter given; an empty filter takes the whole inventory. The scope is frozen when the campaign starts.</p>
          </div>
          <fieldset aria-describedby="campaign-sourceIds-error">
            <legend className="mb-1 text-xs font-medium text-muted">Sources</legend>
            {sources.length === 0 ? (
              <p className="text-sm text-muted">No sources yet.</p>
            ) : (
              <div className="grid gap-1 sm:grid-cols-2">
                {sources.map((s) => (
                  <label key={s.id} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="sourceIds" value={s.id} /> {s.name} <span className="text-xs text-muted">({s.provider})</span>
                  </label>
                ))}
              </div>
            )}
            <FieldError id="campaign-sourceIds-error" message={errorOf("sourceIds")} />
          </fieldset>
          <div className="grid gap-4 md:grid-cols-2">
            {field("types", "Identity types", (p) => <Input {...p} placeholder="iam_user, vault_approle" />, "Comma-separated.")}
            {field("environments", "Environments", (p) => <Input {...p} placeholder="prod, staging" />, "Comma-separated.")}
            {field("minRisk", "Minimum risk score", (p) => <Input {...p} type="number" min={0} max={100} step="any" placeholder="0–100" />)}
            {field("rules", "With an open finding of rule", (p) => <Input {...p} placeholder="NHI-STALE-KEY" />, "Comma-separated rule ids.")}
            {field("ownerEmail", "Owner e-mail", (p) => <Input {...p} type="email" autoComplete="off" />)}
            {field("notReviewedInDays", "Not reviewed in the last (days)", (p) => <Input {...p} type="number" min={1} max={3650} />)}
          </div>
          {field("exclusions", "Exclude identities (optional)", (p) => <textarea {...p} className={`${TEXTAREA} font-mono`} placeholder="identity ids, one per line" />, "Ids from the identity pages; the draft's preview lists the scope.")}
        </Card>
      </div>
      <div className="space-y-6">
        <Card className="space-y-4 p-4">
          <h2 className="text-sm font-semibold">Review</h2>
          {field("securityQueue", "Security queue e-mail", (p) => <Input {...p} type="email" required autoComplete="off" placeholder="security@example.com" />, "Reviews items whose owner, backup and manager are all unknown.")}
          {field("dueAt", "Due date", (p) => <Input {...p} type="date" required defaultValue={defaultDue} />)}
          {field("defaultAction", "At close, undecided items get", (p) => (
            <Select {...p} defaultValue="keep">
              <option value="keep">keep</option>
              <option value="revoke">revoke</option>
            </Select>
          ))}
        </Card>
        <Card className="space-y-4 p-4">
          <h2 className="text-sm font-semibold">Recurrence (optional)</h2>
          {field("recurrence", "Schedule (cron, UTC)", (p) => <Input {...p} className="font-mono" placeholder="0 9 1 */3 *" />, "Each occurrence starts a copy of this campaign.")}
          {field("reviewDays", "Each occurrence stays open (days)", (p) => <Input {...p} type="number" min={1} max={365} />)}
        </Card>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create draft"}
          </Button>
          <p role="status" aria-live="polite" className="text-sm">
            {result?.ok ? <span className="text-ok">{result.message}</span> : null}
            {unplaced ? <span className="text-danger">{unplaced}</span> : null}
          </p>
        </div>
      </div>
    </form>
  );
}
