"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState, useTransition } from "react";
import type { RunDto, SyncStatusDto } from "@/lib/sources/source-dto";
import { Button } from "@/components/ui/button";
import { RunOutcome } from "@/components/sources/run-outcome";
import { RunStatusBadge } from "@/components/sources/run-status-badge";

/** How often the panel asks for progress while a sync is queued or running (the runner reports every 0.5 s). */
const POLL_MS = 1000;

type Result = { ok: true; message?: string } | { ok: false; error: string };

type Props = {
  sourceId: string;
  initial: SyncStatusDto;
  /** Null when this source cannot sync live (files only) or the caller may not run syncs. */
  syncNow: (() => Promise<Result>) | null;
  /** Admins only: approve the latest run's held sweep. */
  approveSweep?: ((runId: string) => Promise<Result>) | null;
};

const active = (status: SyncStatusDto) => status.pending !== null || status.run?.status === "running";

function percent(run: RunDto): number | null {
  const { unitsDone, unitsTotal } = run.progress;
  if (run.status !== "running") return 100;
  return unitsTotal && unitsTotal > 0 ? Math.min(100, Math.round((unitsDone / unitsTotal) * 100)) : null;
}

/** "Sync now" and the live progress of the source's latest run, polled until it ends. */
export function SyncPanel({ sourceId, initial, syncNow, approveSweep = null }: Props) {
  const router = useRouter();
  const [status, setStatus] = useState(initial);
  const [polling, setPolling] = useState(active(initial));
  const [message, setMessage] = useState<Result | null>(null);
  const [pending, startTransition] = useTransition();

  const poll = useCallback(async () => {
    const response = await fetch(`/api/v1/sources/${sourceId}/runs/latest`, { cache: "no-store" });
    if (!response.ok) return;
    const next = (await response.json()) as SyncStatusDto;
    setStatus(next);
    if (!active(next)) {
      setPolling(false);
      router.refresh(); // the run history and the source's "last complete sync" changed
    }
  }, [router, sourceId]);

  useEffect(() => {
    if (!polling) return;
    const timer = setInterval(() => void poll().catch(() => undefined), POLL_MS);
    return () => clearInterval(timer);
  }, [poll, polling]);

  function requestSync() {
    if (!syncNow) return;
    startTransition(async () => {
      const result = await syncNow();
      setMessage(result);
      if (result.ok) {
        // Shown as queued at once; the poll replaces it with the run as soon as a worker starts it.
        setStatus((current) => ({ ...current, pending: current.pending ?? { state: "queued", since: new Date().toISOString() } }));
        setPolling(true);
      }
    });
  }

  const run = status.run;
  const running = run?.status === "running";
  const value = run ? percent(run) : null;
  return (
    <section aria-labelledby="sync-heading" className="space-y-3">
      <div className="flex items-center gap-3">
        <h2 id="sync-heading" className="text-sm font-semibold">
          Sync
        </h2>
        {syncNow ? (
          <Button size="sm" onClick={requestSync} disabled={pending}>
            {pending ? "Queuing…" : "Sync now"}
          </Button>
        ) : null}
        <span role="status" aria-live="polite" className="text-sm">
          {message ? <span className={message.ok ? "text-ok" : "text-danger"}>{message.ok ? message.message : message.error}</span> : null}
        </span>
      </div>
      {status.pending && !running ? (
        <p className="flex items-center gap-2 text-sm" data-testid="sync-pending">
          <RunStatusBadge status={status.pending.state} />
          {status.pending.state === "queued" ? "Waiting for a worker to pick it up." : status.pending.state === "retrying" ? "The last attempt failed; it will be retried." : "A worker is starting it."}
        </p>
      ) : null}
      {run ? (
        <div className="space-y-2" data-testid="sync-run">
          <div className="flex items-center gap-2 text-sm">
            <RunStatusBadge status={run.status} />
            <span className="text-muted">
              {run.mode} run, generation {run.generation}
              {running && status.pending ? " · another sync is queued after it" : ""}
            </span>
          </div>
          <progress
            className="h-2 w-full max-w-2xl overflow-hidden rounded accent-accent"
            aria-label="Sync progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={value ?? undefined}
            aria-valuetext={value === null ? "in progress" : `${value} %`}
            max={100}
            {...(value === null ? {} : { value })}
          />
          <p className="text-sm tabular-nums text-muted" aria-live="polite">
            {value === null ? "" : `${value} % · `}
            {running && run.progress.stream ? `${run.progress.stream} in ${run.progress.scope ?? "—"} · ` : ""}
            {run.progress.items} items in {run.progress.pages} pages
          </p>
          {!running ? <RunOutcome run={run} approveSweep={approveSweep} onApproved={() => void poll().then(() => router.refresh())} /> : null}
        </div>
      ) : !status.pending ? (
        <p className="text-sm text-muted">{syncNow ? "No sync has run yet. Sync now, or import files below." : "No import has run yet."}</p>
      ) : null}
    </section>
  );
}
