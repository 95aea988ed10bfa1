import type { PathStep } from "@/lib/risk/risk-evidence";
import type { RiskBand, RiskFactor } from "@/lib/risk/risk-formula";

/* DTOs of lib/risk: what pages pass to components/risk (plain data, no secret values). */

export type RiskFactorView = {
  factor: RiskFactor;
  label: string;
  level: string;
  weight: number;
  /** The evidence as a readable path; steps with `node` link to that identity or credential. */
  path: PathStep[];
};

export type RiskView = {
  identityId: string;
  score: number;
  band: RiskBand;
  /** When the score or its factors last changed (an unchanged refresh does not touch it). */
  computedAt: string;
  formula: string;
  factors: RiskFactorView[];
};

export type TopRisk = {
  identityId: string;
  name: string;
  type: string;
  environment: string | null;
  score: number;
  band: RiskBand;
  /** Factors above weight 1, heaviest first: why it is on the list. */
  drivers: Array<{ factor: RiskFactor; label: string; level: string; weight: number }>;
};
