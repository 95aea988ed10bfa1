import type { ReportException } from "@/lib/reports/compliance-types";
import { asSeverity, SeverityBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";

/** Accepted risks in force at the report's instant: who accepted what, why, and until when. */
export function ExceptionsTable({ exceptions }: { exceptions: ReportException[] }) {
  return (
    <Card className="overflow-x-auto">
      <div className="border-b border-border px-4 py-3">
        <h2 className="text-sm font-semibold">Open exceptions (accepted risks)</h2>
        <p className="text-xs text-muted">accepted with a justification and in force at the instant; each reopens at its expiry</p>
      </div>
      {exceptions.length === 0 ? (
        <p className="px-4 py-8 text-center text-sm text-muted">No accepted risks were in force. Risks are accepted from a finding under Findings.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="bg-surface-2 text-xs text-muted">
            <tr>
              <th className="px-3 py-2 font-medium">Severity</th>
              <th className="px-3 py-2 font-medium">Rule</th>
              <th className="px-3 py-2 font-medium">Subject</th>
              <th className="px-3 py-2 font-medium">Justification</th>
              <th className="px-3 py-2 font-medium">Accepted by</th>
              <th className="px-3 py-2 font-medium">Accepted</th>
              <th className="px-3 py-2 font-medium">Expires</th>
            </tr>
          </thead>
          <tbody>
            {exceptions.map((e) => (
              <tr key={e.findingId} className="border-t border-border align-top">
                <td className="px-3 py-2"><SeverityBadge severity={asSeverity(e.severity)} /></td>
                <td className="px-3 py-2" title={e.ruleTitle}>{e.rule}</td>
                <td className="px-3 py-2">{e.subjectType}: {e.subjectName ?? e.subjectId}</td>
                <td className="max-w-md px-3 py-2">{e.justification}</td>
                <td className="px-3 py-2">{e.acceptedBy}</td>
                <td className="px-3 py-2 whitespace-nowrap tabular-nums" title={e.acceptedAt}>{e.acceptedAt.slice(0, 10)}</td>
                <td className="px-3 py-2 whitespace-nowrap tabular-nums" title={e.expiresAt}>{e.expiresAt.slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
