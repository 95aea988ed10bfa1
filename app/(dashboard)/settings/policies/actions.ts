"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireCaller } from "@/lib/auth/session-context";
import { CRITICALITIES, isEnvironmentClass, normaliseEnvironment } from "@/lib/domain/policy-thresholds";
import { AppError, toActionFailure } from "@/lib/errors";
import { findRule } from "@/lib/policy/catalogue";
import { setPolicyThreshold } from "@/lib/policy/policy-settings";
import { runPolicyEvaluation } from "@/lib/policy/run-evaluation";
import type { PolicyActionResult } from "@/components/settings/policies-types";

/*
 * Settings → Policies. Thin: the form's shape becomes setPolicyThreshold's input (which checks the
 * role, the catalogue's bounds and audits in the same transaction); its field names are mapped back
 * to the form's so each error lands next to its field.
 */

const thresholdForm = z.object({
  rule: z.string({ error: "Choose a rule." }).min(1, "Choose a rule."),
  key: z.string({ error: "Choose a threshold." }).min(1, "Choose a threshold."),
  targetKind: z.enum(["class", "environment", "criticality"], { error: "Choose what the value applies to." }),
  target: z.string().trim().default(""),
  value: z.string().trim().default(""),
  intent: z.enum(["save", "reset"], { error: "Choose Save or Reset to default." }),
});
type ThresholdForm = z.infer<typeof thresholdForm>;

/** The override target setPolicyThreshold takes: `prod`, `criticality:high` or an environment name. */
function targetOf(form: ThresholdForm): string {
  const target = normaliseEnvironment(form.target);
  if (form.targetKind === "class") {
    if (!isEnvironmentClass(target)) throw new AppError("INVALID_INPUT", "Choose prod or non-prod.", "target");
    return target;
  }
  if (form.targetKind === "criticality") {
    if (!(CRITICALITIES as readonly string[]).includes(target)) throw new AppError("INVALID_INPUT", `Choose a criticality: ${CRITICALITIES.join(", ")}.`, "target");
    return `criticality:${target}`;
  }
  if (!target) throw new AppError("INVALID_INPUT", "Enter an environment name.", "target");
  // These names mean something else to the data layer; say so rather than change a class silently.
  if (isEnvironmentClass(target)) throw new AppError("INVALID_INPUT", `${target} is an environment class: choose "Environment class".`, "target");
  if (target.startsWith("criticality:")) throw new AppError("INVALID_INPUT", 'Choose "Criticality" to set a value per criticality.', "target");
  return target;
}

function valueOf(form: ThresholdForm): number | null {
  if (form.intent === "reset") return null;
  if (form.value === "") throw new AppError("INVALID_INPUT", "Enter a number.", "value");
  if (!/^-?\d+$/.test(form.value)) throw new AppError("INVALID_INPUT", "Enter a whole number.", "value");
  return Number(form.value);
}

function describeTarget(target: string): string {
  if (isEnvironmentClass(target)) return `the ${target} class`;
  if (target.startsWith("criticality:")) return `criticality ${target.slice("criticality:".length)}`;
  return target;
}

export async function setThresholdAction(input: unknown): Promise<PolicyActionResult> {
  try {
    const caller = await requireCaller();
    const form = thresholdForm.parse(input);
    const environment = targetOf(form);
    const value = valueOf(form);
    const { changed } = await setPolicyThreshold(caller, { rule: form.rule, key: form.key, environment, value });
    revalidatePath("/settings/policies");
    const where = `${form.key} of ${form.rule} for ${describeTarget(environment)}`;
    if (!changed) return { ok: true, message: value === null ? `${where} has no override; nothing changed.` : `${where} is already ${value}; nothing changed.` };
    const unit = findRule(form.rule)?.thresholds[form.key]?.unit ?? "";
    const what = value === null ? `${where} is back to the default` : `${where} is now ${value} ${unit}`.trimEnd();
    return { ok: true, message: `${what}. This takes effect at the next evaluation.` };
  } catch (error) {
    const failure = toActionFailure(error);
    // The data layer calls the target `environment`; the form calls it `target`.
    return failure.field === "environment" ? { ...failure, field: "target" } : failure;
  }
}

/** Re-evaluates every rule now (needs `sync:run`; admins have it) so a change shows at once. */
export async function evaluateNowAction(): Promise<PolicyActionResult> {
  try {
    const summary = await runPolicyEvaluation(await requireCaller());
    revalidatePath("/", "layout");
    const count = (n: number) => n.toLocaleString("en");
    return {
      ok: true,
      message: `Evaluated: ${count(summary.violations)} violations; ${count(summary.opened)} opened, ${count(summary.reopened)} reopened, ${count(summary.resolved)} resolved.`,
    };
  } catch (error) {
    return toActionFailure(error);
  }
}
