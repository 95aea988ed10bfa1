import { z } from "zod";
import rulesFile from "@/policies/rules.json";
import { PolicyCatalogueError } from "@/lib/policy/errors";

/**
 * The rule catalogue: ids, severities, OWASP NHI categories, default thresholds and control
 * mappings, shipped as reviewable data in policies/rules.json and validated on first use. The
 * conditions themselves are SQL in lib/policy/rules/, one module per rule id.
 */

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const OWASP_CATEGORIES = ["NHI1", "NHI2", "NHI3", "NHI4", "NHI5", "NHI6", "NHI7", "NHI8", "NHI9", "NHI10"] as const;

export const SUBJECT_TYPES = ["identity", "credential"] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

const controlIds = z.array(z.string().min(1)).min(1);

const thresholdSchema = z
  .strictObject({
    description: z.string().min(1),
    unit: z.enum(["days", "bits"]),
    min: z.int().positive(),
    max: z.int().positive(),
    default: z.union([z.int(), z.strictObject({ prod: z.int(), "non-prod": z.int() })]),
  })
  .refine((t) => {
    const values = typeof t.default === "number" ? [t.default] : [t.default.prod, t.default["non-prod"]];
    return t.min <= t.max && values.every((v) => v >= t.min && v <= t.max);
  }, "default must lie within [min, max]");

const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, "must be kebab-case"),
  title: z.string().min(1),
  severity: z.enum(SEVERITIES),
  owasp: z.enum(OWASP_CATEGORIES),
  subjects: z.array(z.enum(SUBJECT_TYPES)).min(1),
  description: z.string().min(1),
  remediation: z.string().min(1),
  thresholds: z.record(z.string().regex(/^[a-z][A-Za-z]*$/, "must be camelCase"), thresholdSchema),
  controls: z.strictObject({ "nist-csf-2.0": controlIds, soc2: controlIds, "pci-dss-4.0": controlIds, dora: controlIds }),
});

export const catalogueSchema = z
  .strictObject({
    version: z.literal(1),
    frameworks: z.record(z.string(), z.string()),
    rules: z.array(ruleSchema).min(1),
  })
  .refine((c) => new Set(c.rules.map((r) => r.id)).size === c.rules.length, "rule ids must be unique");

export type PolicyCatalogue = z.infer<typeof catalogueSchema>;
export type PolicyRule = z.infer<typeof ruleSchema>;
export type ThresholdSpec = z.infer<typeof thresholdSchema>;

/** Validates a catalogue document; throws PolicyCatalogueError naming every problem. */
export function parseCatalogue(document: unknown): PolicyCatalogue {
  const parsed = catalogueSchema.safeParse(document);
  if (!parsed.success) {
    throw new PolicyCatalogueError(parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`));
  }
  return parsed.data;
}

let cached: PolicyCatalogue | undefined;

export function getCatalogue(): PolicyCatalogue {
  cached ??= parseCatalogue(rulesFile);
  return cached;
}

/** The rule with that id, or undefined. */
export function findRule(id: string): PolicyRule | undefined {
  return getCatalogue().rules.find((rule) => rule.id === id);
}
