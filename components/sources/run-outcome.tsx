import type { RunDto } from "@/lib/sources/source-dto";

const KINDS = ["identity", "credential", "resource", "person", "edge"] as const;
const CHANGES = ["added", "updated", "unchanged", "gone", "returned"] as const;

/** A finished run's numbers, next to what it could not see (PRODUCT.md "honest coverage"). */
export function RunOutcome({ run }: { run: RunDto }) {
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
      {run.heldSweep ? (
        <div className="rounded-md border border-sev-high/40 bg-sev-high/10 p-3">
          <p className="font-medium text-sev-high">Sweep held for review: nothing was retired.</p>
          <ul className="mt-1 list-disc pl-5">
            {run.heldSweep.entries.map((entry) => (
              <li key={`${entry.scope}/${entry.externalType}`}>
                {entry.externalType} in {entry.scope}: would retire {entry.wouldRetire} of {entry.present} (over {Math.round(run.heldSweep!.threshold * 100)} %)
              </li>
            ))}
          </ul>
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
