"use client";

import { useId, useRef, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FieldError, Label } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";

export type TriageAction = (input: unknown) => Promise<{ ok: true; message: string } | { ok: false; error: string; field?: string }>;

type Subject = { findingId: string; rule: string; subjectType: string; subjectId: string; subjectName: string };

const TEXTAREA = "min-h-20 w-full rounded-md border border-border bg-surface px-3 py-2 text-sm";

/** A native modal dialog: focus moves in, Escape closes it, the page behind is inert. */
function TriageDialog({ label, title, children }: { label: string; title: string; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const close = () => ref.current?.close();
  return (
    <>
      <Button type="button" size="sm" variant="secondary" onClick={() => ref.current?.showModal()}>
        {label}
      </Button>
      <dialog ref={ref} aria-label={title} className="w-[32rem] max-w-[95vw] rounded-lg border border-border bg-surface p-0 text-fg backdrop:bg-black/40">
        <div className="flex items-center justify-between border-b border-border px-4 py-3">
          <h2 className="text-sm font-semibold">{title}</h2>
          <button type="button" onClick={close} aria-label="Close" className="rounded px-2 text-muted hover:bg-surface-2">
            ×
          </button>
        </div>
        <div className="p-4">{children}</div>
      </dialog>
    </>
  );
}

function Outcome({ result }: { result: Awaited<ReturnType<TriageAction>> | null }) {
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

function AcceptRiskForm({ subject, accept }: { subject: Subject; accept: TriageAction }) {
  const { result, pending, fieldError, onSubmit } = useActionForm(accept);
  const id = useId();
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="findingId" value={subject.findingId} />
      <p className="text-sm text-muted">
        <span className="font-mono">{subject.rule}</span> on {subject.subjectName}. The finding stays visible as accepted and reopens on the day after the last one.
      </p>
      <div>
        <Label htmlFor={`${id}-justification`}>Justification</Label>
        <textarea id={`${id}-justification`} name="justification" className={TEXTAREA} aria-describedby={`${id}-justification-error`} required />
        <FieldError id={`${id}-justification-error`} message={fieldError("justification")} />
      </div>
      <div>
        <Label htmlFor={`${id}-until`}>Accepted until (last day)</Label>
        <input id={`${id}-until`} name="until" type="date" required className="h-9 rounded-md border border-border bg-surface px-3 text-sm" aria-describedby={`${id}-until-error`} />
        <FieldError id={`${id}-until-error`} message={fieldError("until")} />
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Accepting…" : "Accept risk"}
        </Button>
        <Outcome result={result} />
      </div>
    </form>
  );
}

function SuppressForm({ subject, suppress }: { subject: Subject; suppress: TriageAction }) {
  const { result, pending, fieldError, onSubmit } = useActionForm(suppress);
  const id = useId();
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="rule" value={subject.rule} />
      <input type="hidden" name="subjectType" value={subject.subjectType} />
      <input type="hidden" name="subjectId" value={subject.subjectId} />
      <fieldset className="space-y-1 text-sm">
        <legend className="mb-1 font-medium">Suppress</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="scope" value="subject" defaultChecked /> only <span className="font-mono">{subject.rule}</span> on {subject.subjectName}
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="scope" value="rule" /> every finding of <span className="font-mono">{subject.rule}</span>, now and later
        </label>
      </fieldset>
      <div>
        <Label htmlFor={`${id}-reason`}>Reason</Label>
        <textarea id={`${id}-reason`} name="reason" className={TEXTAREA} aria-describedby={`${id}-reason-error`} required />
        <FieldError id={`${id}-reason-error`} message={fieldError("reason")} />
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Suppressing…" : "Suppress"}
        </Button>
        <Outcome result={result} />
      </div>
    </form>
  );
}

/** Accept risk and Suppress for one finding, each in its own dialog. */
export function TriageButtons({ subject, accept, suppress }: { subject: Subject; accept: TriageAction; suppress: TriageAction }) {
  return (
    <div className="flex gap-2">
      <TriageDialog label="Accept risk" title="Accept the risk">
        <AcceptRiskForm subject={subject} accept={accept} />
      </TriageDialog>
      <TriageDialog label="Suppress" title="Suppress findings">
        <SuppressForm subject={subject} suppress={suppress} />
      </TriageDialog>
    </div>
  );
}
