/** What the Settings → Policies page shows of one rule (built on the server from the catalogue). */
export type PolicyRowView = {
  id: string;
  title: string;
  description: string;
  severity: string;
  owasp: string;
  controls: Array<{ framework: string; label: string; ids: string[] }>;
  thresholds: ThresholdView[];
};

export type OverrideKind = "class" | "environment" | "criticality";

export type ThresholdView = {
  key: string;
  description: string;
  unit: string;
  min: number;
  max: number;
  /** The catalogue default per environment class. */
  defaults: { prod: number; "non-prod": number };
  /** The catalogue has one default for both classes. */
  sameDefault: boolean;
  /** `target` is what setPolicyThreshold takes: `prod`, `criticality:high`, `staging`. */
  overrides: Array<{ kind: OverrideKind; target: string; label: string; value: number }>;
};

/** What the policies server actions answer. */
export type PolicyActionResult = { ok: true; message: string } | { ok: false; error: string; field?: string };
export type PolicyAction = (input: unknown) => Promise<PolicyActionResult>;
