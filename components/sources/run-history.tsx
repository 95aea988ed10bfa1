import type { RunDto } from "@/lib/sources/source-dto";
import { Card } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import { RunStatusBadge } from "@/components/sources/run-status-badge";

function duration(run: RunDto): string {
  if (!run.finishedAt) return "running";
  const seconds = Math.max(0, Math.round((Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000));
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** Totals of a run's counts across kinds: the row shows the gist, the latest run shows the detail. */
function totals(run: RunDto) {
  const sum = { added: 0, updated: 0, gone: 0 };
  for (const counts of Object.values(run.counts)) {
    sum.added += counts.added ?? 0;
    sum.updated += counts.updated ?? 0;
    sum.gone += counts.gone ?? 0;
  }
  return sum;
}

/** The source's last runs: when, how long, live or import, outcome, numbers, gaps and errors. */
export function RunHistory({ runs }: { runs: RunDto[] }) {
  if (runs.length === 0) return <p className="text-sm text-muted">No runs yet.</p>;
  const now = new Date();
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Last {runs.length} runs, newest first</caption>
        <thead className="sticky top-0 bg-surface-2 text-xs text-muted">
          <tr>
            <th className="px-3 py-2 font-medium">Started</th>
            <th className="px-3 py-2 text-right font-medium">Duration</th>
            <th className="px-3 py-2 font-medium">Mode</th>
            <th className="px-3 py-2 font-medium">Status</th>
            <th className="px-3 py-2 text-right font-medium">Added</th>
            <th className="px-3 py-2 text-right font-medium">Updated</th>
            <th className="px-3 py-2 text-right font-medium">Gone</th>
            <th className="px-3 py-2 text-right font-medium">Gaps</th>
            <th className="px-3 py-2 text-right font-medium">Errors</th>
            <th className="px-3 py-2 font-medium">By</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => {
            const sum = totals(run);
            return (
              <tr key={run.id} className="border-t border-border">
                <td className="px-3 py-2">
                  <RelativeTime iso={run.startedAt} now={now} />
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{duration(run)}</td>
                <td className="px-3 py-2">{run.mode}</td>
                <td className="px-3 py-2">
                  <RunStatusBadge status={run.status} />
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{sum.added}</td>
                <td className="px-3 py-2 text-right tabular-nums">{sum.updated}</td>
                <td className="px-3 py-2 text-right tabular-nums">{sum.gone}</td>
                <td className="px-3 py-2 text-right tabular-nums" title={run.coverageGaps.map((g) => `${g.stream}: ${g.reason}`).join("\n") || undefined}>
                  {run.coverageGaps.length}
                </td>
                <td className="px-3 py-2 text-right tabular-nums" title={run.errors.slice(0, 5).map((e) => e.reason).join("\n") || undefined}>
                  {run.errors.length}
                </td>
                <td className="px-3 py-2 text-muted">{run.requestedBy ?? "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Card>
  );
}
