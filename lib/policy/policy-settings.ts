import "server-only";
import { z } from "zod";
import { appendAuditEvent } from "@/lib/audit/append-audit-events";
import { callerAsActor, requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { normaliseEnvironment, type ResolvedThreshold } from "@/lib/domain/policy-thresholds";
import { AppError } from "@/lib/errors";
import { invalidInput } from "@/lib/policy/errors";
import { findRule, getCatalogue, type PolicyRule } from "@/lib/policy/catalogue";
import { executorOf } from "@/lib/policy/sql-executor";
import { loadRuleThresholds } from "@/lib/policy/thresholds";

export const setThresholdSchema = z.object({
  rule: z.string({ error: "Choose a rule." }),
  key: z.string({ error: "Choose a threshold." }),
  /** `prod`, `non-prod` (a class), `criticality:<level>` or an exact environment name. */
  environment: z
    .string({ error: "Choose an environment." })
    .transform(normaliseEnvironment)
    .pipe(
      z
        .string()
        .regex(
          /^(criticality:(low|medium|high|critical)|[a-z0-9][a-z0-9._-]{0,63})$/,
          "Use prod, non-prod, criticality:low|medium|high|critical or an environment name (letters, digits, . _ -).",
        ),
    ),
  /** The new value, or null to go back to the default. */
  value: z.number({ error: "Enter a number." }).int("Enter a whole number.").nullable(),
});
export type SetThresholdInput = z.input<typeof setThresholdSchema>;

/**
 * Overrides one threshold of one rule for an environment class or environment (admins,
 * `settings:manage`), or removes the override (`value: null`). Validated against the catalogue's
 * bounds; audited as `policy.threshold_changed` with before and after. Takes effect at the next
 * evaluation. Setting the value it already has writes nothing.
 */
export async function setPolicyThreshold(caller: Caller, input: SetThresholdInput): Promise<{ changed: boolean }> {
  requirePermission(caller, "settings:manage");
  const parsed = setThresholdSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { rule: ruleId, key, environment, value } = parsed.data;
  const rule = findRule(ruleId);
  if (!rule) throw new AppError("INVALID_INPUT", `Unknown policy rule "${ruleId}".`, "rule");
  const spec = rule.thresholds[key];
  if (!spec) {
    const keys = Object.keys(rule.thresholds);
    throw new AppError("INVALID_INPUT", keys.length ? `${ruleId} has the thresholds ${keys.join(", ")}.` : `${ruleId} has no thresholds.`, "key");
  }
  if (value !== null && (value < spec.min || value > spec.max)) {
    throw new AppError("INVALID_INPUT", `${key} must be between ${spec.min} and ${spec.max} ${spec.unit}.`, "value");
  }

  return getDb().$transaction(async (tx) => {
    const where = { rule_key_environment: { rule: ruleId, key, environment } };
    const before = await tx.policyThreshold.findUnique({ where });
    if ((before?.value ?? null) === value) return { changed: false };
    if (value === null) await tx.policyThreshold.delete({ where });
    else await tx.policyThreshold.upsert({ where, create: { rule: ruleId, key, environment, value, updatedBy: caller.email }, update: { value, updatedBy: caller.email } });
    await appendAuditEvent(tx, {
      actor: callerAsActor(caller),
      action: "policy.threshold_changed",
      target: { type: "policy_rule", id: ruleId },
      summary: { rule: ruleId, key, environment, unit: spec.unit, before: before?.value ?? null, after: value },
    });
    return { changed: true };
  });
}

export type PolicyDto = PolicyRule & { effectiveThresholds: Record<string, ResolvedThreshold> };

/** The catalogue with each rule's thresholds as they apply now (for Settings and reports). */
export async function listPolicies(caller: Caller): Promise<{ version: number; rules: PolicyDto[] }> {
  requirePermission(caller, "inventory:read");
  const thresholds = await loadRuleThresholds(executorOf(getDb()));
  const catalogue = getCatalogue();
  return {
    version: catalogue.version,
    rules: catalogue.rules.map((rule) => ({ ...rule, effectiveThresholds: thresholds.get(rule.id) ?? {} })),
  };
}
