import { RiskBandBadge } from "@/components/risk/risk-band-badge";
import { RiskPath } from "@/components/risk/risk-path";
import { RISK_BAND_FLOORS, RISK_CAP, type RiskBand } from "@/lib/risk/risk-formula";
import type { RiskView } from "@/lib/risk/risk-types";

/** Full class names, so Tailwind sees them. */
const BAR: Record<RiskBand, string> = { low: "bg-sev-low", medium: "bg-sev-medium", high: "bg-sev-high", critical: "bg-sev-critical" };

const score = new Intl.NumberFormat("en", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * An identity's risk score, its band and the factors that multiply into it, each with its level,
 * weight and the path behind it (docs/risk.md explains how to read it). Factors at weight 1 do not
 * raise the score and are shown muted.
 */
export function RiskBreakdown({ risk }: { risk: RiskView | null }) {
  if (!risk) {
    return (
      <p className="p-4 text-sm text-muted">
        Not scored yet. Scores are computed after every sync and import, and daily.
      </p>
    );
  }
  return (
    <div className="p-4">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <p className="text-3xl font-semibold tabular-nums" aria-label={`Risk score ${score.format(risk.score)} of ${RISK_CAP}`}>
          {score.format(risk.score)}
          <span className="ml-1 text-sm font-normal text-muted">/ {RISK_CAP}</span>
        </p>
        <RiskBandBadge band={risk.band} />
        <p className="text-xs text-muted">
          <code className="font-mono">{risk.formula}</code> · bands: medium from {RISK_BAND_FLOORS.medium}, high from {RISK_BAND_FLOORS.high}, critical
          from {RISK_BAND_FLOORS.critical} · formula and weights in <code className="font-mono">docs/risk.md</code>
        </p>
      </div>
      <div
        className="mt-3 h-2 w-full overflow-hidden rounded bg-surface-2"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={RISK_CAP}
        aria-valuenow={risk.score}
        aria-label="Risk score"
      >
        <div className={`h-full ${BAR[risk.band]}`} style={{ width: `${(risk.score / RISK_CAP) * 100}%` }} />
      </div>
      <table className="mt-4 w-full text-sm">
        <caption className="sr-only">Risk factors: level, weight (multiplier) and the evidence behind each</caption>
        <thead>
          <tr className="border-b border-border text-left text-xs text-muted">
            <th scope="col" className="py-1.5 pr-3 font-medium">Factor</th>
            <th scope="col" className="py-1.5 pr-3 font-medium">Level</th>
            <th scope="col" className="py-1.5 pr-3 text-right font-medium">Weight</th>
            <th scope="col" className="py-1.5 font-medium">Why</th>
          </tr>
        </thead>
        <tbody>
          {risk.factors.map((factor) => (
            <tr key={factor.factor} className={`border-b border-border last:border-0 align-top ${factor.weight > 1 ? "" : "text-muted"}`}>
              <th scope="row" className="py-2 pr-3 text-left font-medium">{factor.label}</th>
              <td className="py-2 pr-3 whitespace-nowrap">{factor.level}</td>
              <td className="py-2 pr-3 text-right tabular-nums whitespace-nowrap">× {factor.weight}</td>
              <td className="py-2">
                <RiskPath steps={factor.path} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-muted">
        Last changed <time dateTime={risk.computedAt}>{risk.computedAt.slice(0, 10)}</time>.
      </p>
    </div>
  );
}
