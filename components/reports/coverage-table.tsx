import type { SourceCoverage } from "@/lib/reports/compliance-types";
import { Card } from "@/components/ui/card";

/** Per source: the latest sync finished by the instant and what it could not see. */
export function CoverageTable({ sources }: { sources: SourceCoverage[] }) {
  return (
    <Card className="overflow-x-auto">
      <div className="border-b border-border px-4 py-3">
        <h2 className="text-sm font-semibold">Coverage gaps: what we could not see</h2>
        <p className="text-xs text-muted">findings cannot exist for what a sync could not see; a pass holds only for what was seen</p>
      </div>
      {sources.length === 0 ? (
        <p className="px-4 py-8 text-center text-sm text-muted">No sources yet: add one under Sources.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="bg-surface-2 text-xs text-muted">
            <tr>
              <th className="px-3 py-2 font-medium">Source</th>
              <th className="px-3 py-2 font-medium">Latest finished sync</th>
              <th className="px-3 py-2 font-medium">What it could not see</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => (
              <tr key={source.sourceId} className="border-t border-border align-top">
                <td className="px-3 py-2">
                  <p className="font-medium">{source.sourceName}</p>
                  <p className="text-xs text-muted">{source.provider}</p>
                </td>
                <td className="px-3 py-2">
                  {source.run ? (
                    <>
                      <p className={source.run.status === "succeeded" ? "" : "text-sev-medium"}>{source.run.status} ({source.run.mode})</p>
                      <p className="text-xs text-muted tabular-nums" title={source.run.finishedAt}>{source.run.finishedAt.slice(0, 16).replace("T", " ")} UTC</p>
                    </>
                  ) : (
                    <p className="text-danger">no finished sync</p>
                  )}
                </td>
                <td className="px-3 py-2">
                  {source.run === null ? <p>Nothing: no sync of this source had finished.</p> : null}
                  {source.run !== null && source.gaps.length === 0 ? <p className="text-muted">No gaps reported.</p> : null}
                  <ul>
                    {source.gaps.map((gap, i) => (
                      <li key={i}>
                        <span className="font-mono text-xs">{gap.scope} / {gap.stream}</span>: {gap.reason}
                        {gap.detail ? <span className="text-muted"> ({gap.detail})</span> : null}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
