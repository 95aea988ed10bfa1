import Link from "next/link";
import { asSeverity, Badge, SeverityBadge } from "@/components/ui/badge";
import { When } from "@/components/detail/dates";

export type NodeFindingView = {
  id: string;
  rule: string;
  severity: string;
  owasp: string;
  status: string;
  evidence: Record<string, unknown>;
  firstSeenAt: string | null;
  acceptedUntil: string | null;
};

/** The evidence a person needs to see why it fired: scalar fields, then lists as counts. */
function evidenceLine(evidence: Record<string, unknown>): string {
  return Object.entries(evidence)
    .map(([k, v]) => (Array.isArray(v) ? `${k}: ${v.length} listed` : v !== null && typeof v === "object" ? null : `${k}: ${String(v)}`))
    .filter((line): line is string => line !== null)
    .slice(0, 6)
    .join(" · ");
}

export function NodeFindings({ findings }: { findings: NodeFindingView[] }) {
  if (findings.length === 0) return <p className="p-4 text-sm text-muted">No policy finding on this node.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="bg-surface-2 text-xs text-muted">
          <tr>
            <th className="px-3 py-2 font-medium">Severity</th>
            <th className="px-3 py-2 font-medium">Rule</th>
            <th className="px-3 py-2 font-medium">Status</th>
            <th className="px-3 py-2 font-medium">Evidence</th>
            <th className="px-3 py-2 font-medium">First seen</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f) => (
            <tr key={f.id} className="border-t border-border align-top">
              <td className="px-3 py-2"><SeverityBadge severity={asSeverity(f.severity)} /></td>
              <td className="px-3 py-2">
                <Link href="/findings" className="font-mono text-xs hover:underline">{f.rule}</Link>
                <div className="text-xs text-muted">{f.owasp}</div>
              </td>
              <td className="px-3 py-2">
                <Badge>{f.status}</Badge>
                {f.acceptedUntil ? <div className="mt-1 text-xs text-muted">until {f.acceptedUntil.slice(0, 10)}</div> : null}
              </td>
              <td className="max-w-xl px-3 py-2 text-xs text-muted">{evidenceLine(f.evidence) || "—"}</td>
              <td className="whitespace-nowrap px-3 py-2"><When iso={f.firstSeenAt} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
