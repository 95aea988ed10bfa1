"use client";

import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";

type Result = { ok: true; message?: string } | { ok: false; error: string; field?: string };

type Props = {
  schedule: string | null;
  environment: string | null;
  /** The next occurrences of the saved schedule (ISO). */
  nextRuns: string[];
  save: (input: unknown) => Promise<Result>;
};

const utc = (iso: string) => iso.replace("T", " ").replace(/:00\.000Z$/, " UTC");

/** The sync schedule (cron, UTC, checked by the worker's own parser) and the source's default environment. */
export function ScheduleForm({ schedule, environment, nextRuns, save }: Props) {
  const { result, pending, fieldError, onSubmit } = useActionForm(save);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <Label htmlFor="schedule">Schedule (cron, UTC)</Label>
          <Input id="schedule" name="schedule" defaultValue={schedule ?? ""} className="font-mono" placeholder="0 3 * * *" aria-describedby="schedule-hint schedule-error" />
          <p id="schedule-hint" className="mt-1 text-xs text-muted">
            Minute, hour, day of month, month, day of week. Empty: only on “Sync now”.
          </p>
          <FieldError id="schedule-error" message={fieldError("schedule")} />
        </div>
        <div>
          <Label htmlFor="environment">Environment</Label>
          <Input id="environment" name="environment" defaultValue={environment ?? ""} placeholder="e.g. prod" aria-describedby="environment-hint environment-error" />
          <p id="environment-hint" className="mt-1 text-xs text-muted">
            Given to records that name no environment of their own.
          </p>
          <FieldError id="environment-error" message={fieldError("environment")} />
        </div>
      </div>
      {nextRuns.length > 0 ? (
        <p className="text-sm text-muted" data-testid="next-runs">
          Next runs: {nextRuns.map((iso) => <time key={iso} dateTime={iso} className="mr-3 tabular-nums">{utc(iso)}</time>)}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save schedule"}
        </Button>
        <p role="status" aria-live="polite" className="text-sm">
          {result?.ok ? <span className="text-ok">{result.message}</span> : null}
          {result && !result.ok && !result.field ? <span className="text-danger">{result.error}</span> : null}
        </p>
      </div>
    </form>
  );
}
