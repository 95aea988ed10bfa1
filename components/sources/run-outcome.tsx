import type { RunDto } from "@/lib/sources/source-dto";
import { ApproveSweepButton } from "@/components/sources/approve-sweep-button";

const KINDS = ["identity", "credential", "resource", "person", "edge"] as const;
const CHANGES = ["added", "updated", "unchanged", "gone", "returned"] as const;

type Result = { ok: true; message?: string } | { ok: false; error: string };

/** `approveSweep`: offered to admins while a held sweep awaits approval; `onApproved` re-reads the run. */
type Props = { run: RunDto; approveSweep?: ((runId: string) => Promise<Result>) | null; onApproved?: () => void };

/** A finished run's numbers, next to what it could not see (PRODUCT.md "honest coverage"). */
export function RunOutcome({ run, approveSweep, onApproved }: Props) {
  const held = run.heldSweep;
  const wouldRetire = held?.entries.reduce((sum, entry) => sum + entry.wouldRetire, 0) ?? 0;
  const kinds = KINDS.filter((kind) => run.counts[kind]);
  return (
    <div className="space-y-3 text-sm">
      {kinds.length > 0 ? (
        <table className="w-full max-w-2xl text-left">
          <caption className="sr-only">Records by kind</caption>
          <thead className="text-xs text-muted">
            <tr>
              <th className="py-1 pr-3 font-medium">Kind</th>
              {CHANGES.map((change) => (
                <th key={change} className="py-1 pr-3 text-right font-medium">
                  {change}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {kinds.map((kind) => (
              <tr key={kind} className="border-t border-border">
                <td className="py-1 pr-3">{kind}</td>
                {CHANGES.map((change) => (
                  <td key={change} className="py-1 pr-3 text-right tabular-nums">
                    {run.counts[kind]?.[change] ?? 0}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-muted">No records were loaded.</p>
      )}
      {held && held.approvedAt ? (
        <p className="rounded-md border border-border p-3">
          Held sweep approved by {held.approvedBy ?? "an admin"} on {new Date(held.approvedAt).toISOString().slice(0, 10)}: its {wouldRetire} record
          {wouldRetire === 1 ? " was" : "s were"} retired.
        </p>
      ) : held ? (
        <div className="rounded-md border border-sev-high/40 bg-sev-high/10 p-3">
          <p className="font-medium text-sev-high">Sweep held for review: nothing was retired.</p>
          <ul className="mt-1 list-disc pl-5">
            {held.entries.map((entry) => (
              <li key={`${entry.scope}/${entry.externalType}`}>
                {entry.externalType} in {entry.scope}: would retire {entry.wouldRetire} of {entry.present} (over {Math.round(held.threshold * 100)} %)
              </li>
            ))}
          </ul>
          {approveSweep ? (
            <ApproveSweepButton
              wouldRetire={wouldRetire}
              approve={() => approveSweep(run.id)}
              onApproved={() => onApproved?.()}
            />
          ) : (
            <p className="mt-1 text-muted">An admin can approve it on this page.</p>
          )}
        </div>
      ) : null}
      {run.coverageGaps.length > 0 ? (
        <div>
          <h4 className="font-medium">Coverage gaps ({run.coverageGaps.length})</h4>
          <ul className="mt-1 list-disc pl-5 text-muted">
            {run.coverageGaps.map((gap, i) => (
              <li key={i}>
                {gap.stream} in {gap.scope}: {gap.reason} — {gap.detail}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {run.errors.length > 0 ? (
        <div>
          <h4 className="font-medium text-danger">Errors ({run.errors.length})</h4>
          <ul className="mt-1 list-disc pl-5 text-muted">
            {run.errors.map((error, i) => (
              <li key={i}>
                {[error.origin, error.stream, error.field, error.line !== undefined ? `line ${error.line}` : null].filter(Boolean).join(" · ")}: {error.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
