import { asSeverity, SeverityBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";

type Count = { rule: string; severity: string; owasp: string; status: string; count: number };
const STATUSES = ["open", "accepted", "suppressed", "resolved"] as const;

/** One row per rule with its findings by status. */
export function RuleOverview({ counts }: { counts: Count[] }) {
  const rules = [...new Map(counts.map((c) => [c.rule, c])).values()];
  const countOf = (rule: string, status: string) => counts.find((c) => c.rule === rule && c.status === status)?.count ?? 0;
  return (
    <Card className="mb-6 overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="bg-surface-2 text-xs text-muted">
          <tr>
            <th className="px-3 py-2 font-medium">Rule</th>
            <th className="px-3 py-2 font-medium">Severity</th>
            <th className="px-3 py-2 font-medium">OWASP NHI</th>
            {STATUSES.map((s) => (
              <th key={s} className="px-3 py-2 text-right font-medium capitalize">
                {s}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => (
            <tr key={r.rule} className="border-t border-border">
              <td className="px-3 py-2 font-mono text-xs">{r.rule}</td>
              <td className="px-3 py-2">
                <SeverityBadge severity={asSeverity(r.severity)} />
              </td>
              <td className="px-3 py-2 text-muted">{r.owasp}</td>
              {STATUSES.map((s) => (
                <td key={s} className="px-3 py-2 text-right tabular-nums">
                  {countOf(r.rule, s).toLocaleString("en")}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
