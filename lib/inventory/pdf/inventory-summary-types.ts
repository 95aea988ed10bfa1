/*
 * The inventory summary (docs/inventory-pdf.md): plain data, as of one instant. Built by
 * build-inventory-summary.ts, drawn by inventory-summary-pdf.tsx (possibly in a child process, so
 * it travels as JSON: instants are ISO strings). No secret values: names, types and counts only.
 */

export type LabelCount = { label: string; count: number };

/** A share of a whole; `percent` has one decimal and is null when the whole is zero. */
export type Share = { part: number; whole: number; percent: number | null };

export type SummarySource = {
  sourceId: string;
  name: string;
  provider: string;
  identities: number;
  credentials: number;
  resources: number;
  /** The latest sync of the source finished by the instant; null when none had finished. */
  lastSync: { status: string; mode: string; finishedAt: string } | null;
  /** What that sync reported it could not see. */
  gaps: Array<{ scope: string; stream: string; reason: string; detail: string }>;
};

export type SummaryRisk = {
  identityId: string;
  name: string;
  type: string;
  environment: string | null;
  score: number;
  band: string;
  /** Labels of the factors above weight 1, heaviest first (why it is on the list). */
  drivers: string[];
};

export type InventorySummaryReport = {
  generatedAt: string;
  asOf: string;
  totals: { identities: number; credentials: number; resources: number; sources: number };
  identitiesByType: LabelCount[];
  credentialsByType: LabelCount[];
  /** Identities and credentials per environment; records without one are under "unset". */
  byEnvironment: Array<{ environment: string; identities: number; credentials: number }>;
  /** Identities with a resolved owner better than a suggestion. */
  owned: Share;
  /** Active credentials without an open or accepted `credential-max-age` finding at the instant. */
  withinRotationPolicy: Share;
  /** Active credentials expiring within 30 days after the instant. */
  expiringIn30Days: number;
  /** Findings open at the instant (not resolved, suppressed or accepted then), by severity. */
  openFindings: { total: number; bySeverity: Array<{ severity: string; count: number }> };
  /** Present credentials by days since last rotation (or creation) at the instant. */
  ageHistogram: Array<{ bucket: string; credentials: number }>;
  /** The highest risk scores among identities present at the instant (scores are the latest computed). */
  topRisks: SummaryRisk[];
  /** When the newest of those scores was computed; null without scores. */
  risksComputedAt: string | null;
  sources: SummarySource[];
  /** Sources whose latest finished sync had gaps, did not succeed, or is missing. */
  sourcesWithGaps: number;
};

/** The fixed severity scale, most severe first (the same order everywhere in Keyward). */
export const SUMMARY_SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;

export function shareOf(part: number, whole: number): Share {
  return { part, whole, percent: whole === 0 ? null : Math.round((part * 1000) / whole) / 10 };
}
