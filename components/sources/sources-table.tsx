import Link from "next/link";
import type { SourceSummaryDto } from "@/lib/sources/source-dto";
import { Card } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import { RunStatusBadge } from "@/components/sources/run-status-badge";

/** Every configured source with its latest run. */
export function SourcesTable({ sources }: { sources: SourceSummaryDto[] }) {
  const now = new Date();
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="bg-surface-2 text-xs text-muted">
          <tr>
            <th className="px-3 py-2 font-medium">Source</th>
            <th className="px-3 py-2 font-medium">Connector</th>
            <th className="px-3 py-2 font-medium">Environment</th>
            <th className="px-3 py-2 font-medium">Schedule</th>
            <th className="px-3 py-2 font-medium">Latest run</th>
            <th className="px-3 py-2 font-medium">Last complete sync</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((source) => (
            <tr key={source.id} className="border-t border-border">
              <td className="px-3 py-2 font-medium">
                <Link href={`/sources/${source.id}`} className="text-accent hover:underline">
                  {source.name}
                </Link>
              </td>
              <td className="px-3 py-2">{source.displayName}</td>
              <td className="px-3 py-2 text-muted">{source.environment ?? "—"}</td>
              <td className="px-3 py-2 font-mono text-xs">{source.schedule ?? <span className="font-sans text-muted">manual</span>}</td>
              <td className="px-3 py-2">
                {source.latestRun ? (
                  <span className="flex items-center gap-2">
                    <RunStatusBadge status={source.latestRun.status} />
                    <RelativeTime iso={source.latestRun.startedAt} now={now} />
                  </span>
                ) : (
                  <span className="text-muted">never</span>
                )}
              </td>
              <td className="px-3 py-2 text-muted">{source.lastCompleteSyncAt ? <RelativeTime iso={source.lastCompleteSyncAt} now={now} /> : "never"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
