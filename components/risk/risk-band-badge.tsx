import { SeverityBadge } from "@/components/ui/badge";
import type { RiskBand } from "@/lib/risk/risk-formula";

/** Bands reuse the fixed severity scale, so a critical risk looks like a critical finding. */
export function RiskBandBadge({ band }: { band: RiskBand }) {
  return <SeverityBadge severity={band} />;
}
