import { CRITICALITIES } from "@/lib/domain/policy-thresholds";
import type { PolicyDto } from "@/lib/policy/policy-settings";
import type { PolicyRowView, ThresholdView } from "@/components/settings/policies-types";

/*
 * Turns the data layer's rules (catalogue spec + the thresholds as they resolve now) into what the
 * Settings table shows: per threshold, the catalogue default and every override with the target
 * string setPolicyThreshold takes to change or remove it.
 */

const FRAMEWORKS = [
  ["nist-csf-2.0", "NIST CSF"],
  ["soc2", "SOC 2"],
  ["pci-dss-4.0", "PCI DSS"],
  ["dora", "DORA"],
] as const;

function thresholdView(key: string, rule: PolicyDto): ThresholdView {
  const spec = rule.thresholds[key]!;
  const defaults = typeof spec.default === "number" ? { prod: spec.default, "non-prod": spec.default } : spec.default;
  const effective = rule.effectiveThresholds[key] ?? { ...defaults, environments: {}, criticalities: {} };
  const overrides: ThresholdView["overrides"] = [];
  // listPolicies merges class overrides into prod/non-prod; a value other than the default is one.
  for (const cls of ["prod", "non-prod"] as const) {
    if (effective[cls] !== defaults[cls]) overrides.push({ kind: "class", target: cls, label: cls, value: effective[cls] });
  }
  for (const level of CRITICALITIES) {
    const value = effective.criticalities[level];
    if (value !== undefined) overrides.push({ kind: "criticality", target: `criticality:${level}`, label: `criticality ${level}`, value });
  }
  for (const [name, value] of Object.entries(effective.environments).sort(([a], [b]) => a.localeCompare(b))) {
    overrides.push({ kind: "environment", target: name, label: name, value });
  }
  return {
    key,
    description: spec.description,
    unit: spec.unit,
    min: spec.min,
    max: spec.max,
    defaults,
    sameDefault: typeof spec.default === "number",
    overrides,
  };
}

export function toPolicyRows(rules: readonly PolicyDto[]): PolicyRowView[] {
  return rules.map((rule) => ({
    id: rule.id,
    title: rule.title,
    description: rule.description,
    severity: rule.severity,
    owasp: rule.owasp,
    controls: FRAMEWORKS.map(([id, label]) => ({ framework: id, label, ids: rule.controls[id] })),
    thresholds: Object.keys(rule.thresholds).map((key) => thresholdView(key, rule)),
  }));
}
