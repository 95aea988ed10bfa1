import Link from "next/link";
import { RiskBandBadge } from "@/components/risk/risk-band-badge";
import { Card } from "@/components/ui/card";
import type { TopRisk } from "@/lib/risk/risk-types";

const score = new Intl.NumberFormat("en", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The dashboard's highest-scored identities, each linking to its detail page (risk breakdown there). */
export function TopRisksCard({ risks, title = "Top risks" }: { risks: readonly TopRisk[]; title?: string }) {
  return (
    <Card className="p-4">
      <h2 className="text-sm font-semibold">{title}</h2>
      <p className="mt-0.5 text-xs text-muted">identities by risk score (privilege × environment × exposure × reuse × age × ownership)</p>
      {risks.length === 0 ? (
        <p className="mt-3 text-sm text-muted">No scores yet: they are computed after the next sync or import.</p>
      ) : (
        <ol className="mt-3 divide-y divide-border text-sm">
          {risks.map((risk) => (
            <li key={risk.identityId} className="flex items-center gap-3 py-1.5">
              <span className="w-12 shrink-0 text-right font-semibold tabular-nums">{score.format(risk.score)}</span>
              <RiskBandBadge band={risk.band} />
              <span className="min-w-0 flex-1">
                <Link href={`/inventory/identities/${risk.identityId}#risk`} className="font-medium text-accent hover:underline">
                  {risk.name}
                </Link>
                <span className="ml-2 text-xs text-muted">
                  {risk.type}
                  {risk.environment ? ` · ${risk.environment}` : ""}
                </span>
                {risk.drivers.length > 0 ? (
                  <span className="block truncate text-xs text-muted">
                    {risk.drivers.map((d) => `${d.label.toLowerCase()} ${d.level} ×${d.weight}`).join(" · ")}
                  </span>
                ) : null}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
