"use client";

import Link from "next/link";
import { useId, useState, useTransition, type FormEvent } from "react";
import type { CampaignAction, CampaignActionResult } from "@/components/campaigns/action-result";
import { BASIS_LABELS, DecisionBadge } from "@/components/campaigns/campaign-badges";
import { DialogButton } from "@/components/campaigns/confirm-dialog";
import { asSeverity, Badge, SeverityBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import { DECISIONS, type Decision, type ReviewItemDto } from "@/lib/campaigns/campaign-types";

const DECISION_HINTS: Record<Decision, string> = {
  keep: "Keep: still needed as it is (high-risk items need a comment).",
  revoke: "Revoke: no longer needed; a remediation task asks for its removal.",
  rotate: "Rotate: keep it, but its credentials must be replaced.",
  reassign: "Reassign: someone else owns it.",
  extend: "Extend: keep it until a new end date.",
};

const TEXTAREA = "min-h-16 w-full rounded-md border border-border bg-surface px-3 py-2 text-sm";

function daysAgo(iso: string | null, now: number): string {
  if (!iso) return "never";
  const days = Math.floor((now - new Date(iso).getTime()) / 86_400_000);
  return days <= 0 ? "today" : `${days.toLocaleString("en")} d ago`;
}

/** What makes a decision easy: activity, age, privileges, findings, reach, risk. */
function ItemContext({ item, now }: { item: ReviewItemDto; now: number }) {
  const c = item.context;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
      <dt className="text-muted">Last used</dt>
      <dd title={c.lastUsedAt ?? undefined}>{daysAgo(c.lastUsedAt, now)}</dd>
      <dt className="text-muted">Age</dt>
      <dd>{c.ageDays === null ? "unknown" : `${c.ageDays.toLocaleString("en")} days`}</dd>
      <dt className="text-muted">Privileges</dt>
      <dd>
        {c.privileges.admin} admin · {c.privileges.write} write · {c.privileges.read} read
      </dd>
      <dt className="text-muted">Reaches</dt>
      <dd>{c.directEdges.toLocaleString("en")} direct links</dd>
    </dl>
  );
}

function Findings({ findings }: { findings: ReviewItemDto["context"]["openFindings"] }) {
  if (findings.length === 0) return <span className="text-xs text-muted">none open</span>;
  return (
    <ul className="flex flex-col gap-1">
      {findings.map((f) => (
        <li key={f.rule} className="flex items-center gap-1.5">
          <SeverityBadge severity={asSeverity(f.severity)} />
          <span className="font-mono text-xs">{f.rule}</span>
        </li>
      ))}
    </ul>
  );
}

/** Hands one item to someone else, who then finds it in their own inbox. */
function DelegateForm({ item, delegate, onDone }: { item: ReviewItemDto; delegate: CampaignAction; onDone: () => void }) {
  const [result, setResult] = useState<CampaignActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const id = useId();
  const error = (field: string) => (result && !result.ok && result.field === field ? result.error : null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget));
    startTransition(async () => {
      const outcome = await delegate(data);
      setResult(outcome);
      if (outcome.ok) onDone();
    });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="itemIds" value={item.id} />
      <p className="text-sm text-muted">
        {item.identityName} ({item.identityType}, {item.sourceName}) goes to the person you name; you no longer review it.
      </p>
      <div>
        <Label htmlFor={`${id}-toEmail`}>Delegate to (e-mail)</Label>
        <Input id={`${id}-toEmail`} name="toEmail" type="email" required autoComplete="off" aria-invalid={!!error("toEmail")} aria-describedby={`${id}-toEmail-error`} />
        <FieldError id={`${id}-toEmail-error`} message={error("toEmail")} />
      </div>
      <div>
        <Label htmlFor={`${id}-comment`}>Comment (optional)</Label>
        <textarea id={`${id}-comment`} name="comment" maxLength={4000} className={TEXTAREA} />
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Delegating…" : "Delegate"}
        </Button>
        {result && !result.ok && !result.field ? (
          <p role="alert" className="text-sm text-danger">
            {result.error}
          </p>
        ) : null}
      </div>
    </form>
  );
}

/**
 * "My reviews": the caller's items with their context, checkboxes for a bulk decision and a
 * delegate dialog per item. Refusals (the subject of an identity cannot certify it, a comment is
 * required, the campaign is closed) come back from the server and are shown as they are.
 */
export function ReviewInbox({ items, decide, delegate, now }: {
  items: ReviewItemDto[];
  decide: CampaignAction;
  delegate: CampaignAction;
  /** The server's clock, so server and client render the same "d ago". */
  now: number;
}) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [decision, setDecision] = useState<Decision>("keep");
  const [result, setResult] = useState<CampaignActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const id = useId();
  const pendingItems = items.filter((i) => i.status === "PENDING");
  const allSelected = pendingItems.length > 0 && pendingItems.every((i) => selected.has(i.id));
  const error = (field: string) => (result && !result.ok && result.field === field ? result.error : null);

  const toggle = (itemId: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(itemId);
      else next.delete(itemId);
      return next;
    });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form));
    const itemIds = [...selected];
    startTransition(async () => {
      const outcome = await decide({ ...data, itemIds: itemIds.join(",") });
      setResult(outcome);
      if (outcome.ok) {
        setSelected(new Set());
        form.reset();
        setDecision("keep");
      }
    });
  }

  return (
    <div className="space-y-3">
      <Card className="p-3">
        <form onSubmit={onSubmit} noValidate aria-label="Decide the selected items" className="space-y-3">
          <div className="flex flex-wrap items-end gap-3">
            <p className="min-w-28 text-sm text-muted" aria-live="polite">
              {selected.size === 0 ? "Select items to decide." : `${selected.size} selected`}
            </p>
            <div>
              <Label htmlFor={`${id}-decision`}>Decision</Label>
              <Select id={`${id}-decision`} name="decision" value={decision} onChange={(e) => setDecision(e.target.value as Decision)} className="w-36" aria-describedby={`${id}-decision-hint`}>
                {DECISIONS.map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
              </Select>
            </div>
            {decision === "reassign" ? (
              <div>
                <Label htmlFor={`${id}-newOwnerEmail`}>New owner e-mail</Label>
                <Input id={`${id}-newOwnerEmail`} name="newOwnerEmail" type="email" autoComplete="off" className="w-64" aria-invalid={!!error("newOwnerEmail")} aria-describedby={`${id}-newOwnerEmail-error`} />
                <FieldError id={`${id}-newOwnerEmail-error`} message={error("newOwnerEmail")} />
              </div>
            ) : null}
            {decision === "extend" ? (
              <div>
                <Label htmlFor={`${id}-newEndDate`}>New end date</Label>
                <Input id={`${id}-newEndDate`} name="newEndDate" type="date" className="w-44" aria-invalid={!!error("newEndDate")} aria-describedby={`${id}-newEndDate-error`} />
                <FieldError id={`${id}-newEndDate-error`} message={error("newEndDate")} />
              </div>
            ) : null}
            <Button type="submit" disabled={pending || selected.size === 0}>
              {pending ? "Saving…" : selected.size > 1 ? `Decide ${selected.size} items` : "Decide"}
            </Button>
          </div>
          <p id={`${id}-decision-hint`} className="text-xs text-muted">
            {DECISION_HINTS[decision]}
          </p>
          <div>
            <Label htmlFor={`${id}-comment`}>Comment</Label>
            <textarea id={`${id}-comment`} name="comment" maxLength={4000} className={TEXTAREA} aria-invalid={!!error("comment")} aria-describedby={`${id}-comment-error`} placeholder="Why; required to keep a high-risk item" />
            <FieldError id={`${id}-comment-error`} message={error("comment")} />
          </div>
          <div role="status" aria-live="polite" className="text-sm">
            {result?.ok ? <p className="text-ok">{result.message}</p> : null}
            {result && !result.ok && !["comment", "newOwnerEmail", "newEndDate"].includes(result.field ?? "") ? (
              <p role="alert" className="text-danger">
                {result.error}
              </p>
            ) : null}
          </div>
        </form>
      </Card>
      <Card className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Items to review</caption>
          <thead className="sticky top-0 bg-surface-2 text-xs text-muted">
            <tr>
              <th className="w-8 px-3 py-2">
                <input
                  type="checkbox"
                  aria-label="Select all pending items on this page"
                  checked={allSelected}
                  disabled={pendingItems.length === 0}
                  onChange={(e) => setSelected(e.target.checked ? new Set(pendingItems.map((i) => i.id)) : new Set())}
                />
              </th>
              <th className="px-3 py-2 font-medium">Identity</th>
              <th className="px-3 py-2 font-medium">Campaign</th>
              <th className="px-3 py-2 font-medium">Context</th>
              <th className="px-3 py-2 font-medium">Open findings</th>
              <th className="px-3 py-2 text-right font-medium">Risk</th>
              <th className="px-3 py-2 font-medium">Decision</th>
              <th className="px-3 py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} className="border-t border-border align-top">
                <td className="px-3 py-2">
                  {item.status === "PENDING" ? (
                    <input type="checkbox" aria-label={`Select ${item.identityName}`} checked={selected.has(item.id)} onChange={(e) => toggle(item.id, e.target.checked)} />
                  ) : null}
                </td>
                <td className="px-3 py-2">
                  {item.identityId ? (
                    <Link href={`/inventory/identities/${item.identityId}`} className="font-medium text-accent underline-offset-2 hover:underline">
                      {item.identityName}
                    </Link>
                  ) : (
                    <span className="font-medium">{item.identityName}</span>
                  )}
                  <div className="text-xs text-muted">
                    {item.identityType} · {item.sourceName}
                    {item.environment ? ` · ${item.environment}` : ""}
                  </div>
                  <div className="text-xs text-muted">
                    You review it as {BASIS_LABELS[item.reviewerBasis] ?? item.reviewerBasis}
                    {item.ownerEmail ? ` (owner ${item.ownerEmail})` : ""}
                  </div>
                </td>
                <td className="px-3 py-2 text-xs">
                  <div>{item.campaignName}</div>
                  <div className="text-muted">due {item.dueAt.slice(0, 10)}</div>
                </td>
                <td className="px-3 py-2">
                  <ItemContext item={item} now={now} />
                </td>
                <td className="px-3 py-2">
                  <Findings findings={item.context.openFindings} />
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {item.context.riskScore === null ? "—" : item.context.riskScore.toFixed(1)}
                  {item.context.highRisk ? (
                    <div>
                      <Badge className="bg-sev-high/15 text-sev-high">high risk</Badge>
                    </div>
                  ) : null}
                </td>
                <td className="px-3 py-2">
                  <DecisionBadge decision={item.decision} />
                  {item.comment ? <p className="mt-1 max-w-56 text-xs text-muted">{item.comment}</p> : null}
                </td>
                <td className="px-3 py-2">
                  {item.status === "PENDING" ? (
                    <DialogButton label="Delegate" title={`Delegate ${item.identityName}`} size="sm">
                      {(close) => <DelegateForm item={item} delegate={delegate} onDone={close} />}
                    </DialogButton>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
