import Link from "next/link";
import type { ControlStatus, FindingCounts, RuleEvidence, TrendPoint } from "@/lib/reports/compliance-types";
import { Card } from "@/components/ui/card";
import { StatusBadge } from "@/components/reports/status-badge";

type ControlRow = { id: string; title: string; status: ControlStatus; counts: FindingCounts; rules: RuleEvidence[]; trend: TrendPoint[] };

const format = new Intl.NumberFormat("en");
const n = (value: number) => <td className="px-3 py-2 text-right tabular-nums">{format.format(value)}</td>;

/** A unresolved-findings sparkline as inline SVG (a table cell has no room for a chart card). */
function Sparkline({ trend }: { trend: TrendPoint[] }) {
  const max = Math.max(1, ...trend.map((p) => p.unresolved));
  const step = trend.length > 1 ? 58 / (trend.length - 1) : 0;
  const points = trend.map((p, i) => `${1 + i * step},${15 - (p.unresolved / max) * 14}`).join(" ");
  const first = trend[0]?.unresolved ?? 0;
  const last = trend.at(-1)?.unresolved ?? 0;
  return (
    <svg width="60" height="16" role="img" aria-label={`unresolved ${first} → ${last} over ${trend.length} weeks`}>
      <polyline points={points} fill="none" stroke="var(--accent)" strokeWidth="1.5" />
    </svg>
  );
}

/** One row per control (or OWASP category): the rules evidencing it, its figures, trend and status. */
export function ControlTable({ title, description, controls, idLabel = "Control" }: { title: string; description: string; controls: ControlRow[]; idLabel?: string }) {
  return (
    <Card className="overflow-x-auto">
      <div className="border-b border-border px-4 py-3">
        <h2 className="text-sm font-semibold">{title}</h2>
        <p className="text-xs text-muted">{description}</p>
      </div>
      <table className="w-full text-left text-sm">
        <thead className="sticky top-0 bg-surface-2 text-xs text-muted">
          <tr>
            <th className="px-3 py-2 font-medium">{idLabel}</th>
            <th className="px-3 py-2 font-medium">Title and evidencing rules</th>
            <th className="px-3 py-2 text-right font-medium">Open</th>
            <th className="px-3 py-2 text-right font-medium">Critical/high</th>
            <th className="px-3 py-2 text-right font-medium">Accepted</th>
            <th className="px-3 py-2 text-right font-medium">Suppressed</th>
            <th className="px-3 py-2 text-right font-medium">Resolved</th>
            <th className="px-3 py-2 font-medium">Trend (12 wk)</th>
            <th className="px-3 py-2 font-medium">Status</th>
          </tr>
        </thead>
        <tbody>
          {controls.map((control) => (
            <tr key={control.id} className="border-t border-border align-top">
              <td className="px-3 py-2 font-medium whitespace-nowrap">{control.id}</td>
              <td className="px-3 py-2">
                <p>{control.title}</p>
                <p className="mt-0.5 flex flex-wrap gap-x-2 text-xs text-muted">
                  {control.rules.map((rule) => (
                    <Link key={rule.id} href={`/findings?${new URLSearchParams({ rule: rule.id })}`} className="hover:text-fg hover:underline" title={rule.title}>
                      {rule.id}
                    </Link>
                  ))}
                </p>
              </td>
              {n(control.counts.open)}
              {n(control.counts.openBySeverity.critical + control.counts.openBySeverity.high)}
              {n(control.counts.accepted)}
              {n(control.counts.suppressed)}
              {n(control.counts.resolved)}
              <td className="px-3 py-2">
                <Sparkline trend={control.trend} />
              </td>
              <td className="px-3 py-2">
                <StatusBadge status={control.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
