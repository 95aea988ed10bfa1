"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireCaller } from "@/lib/auth/session-context";
import { toActionFailure, type ActionFailure } from "@/lib/errors";
import { acceptFindingRisk } from "@/lib/policy/accept-risk";
import { suppressFindings } from "@/lib/policy/suppress";

/*
 * The findings page's triage dialogs. Thin: the caller, the form's shape, the data layer (which
 * checks the role, validates again and audits in the same transaction), then the pages showing
 * findings are refreshed.
 */

export type TriageResult = { ok: true; message: string } | ActionFailure;

const acceptForm = z.object({
  findingId: z.string(),
  justification: z.string().default(""),
  // A date picker gives a day; the acceptance lasts to the end of it (UTC).
  until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the last day of the acceptance."),
});

const suppressForm = z.object({
  rule: z.string(),
  scope: z.enum(["subject", "rule"], { error: "Choose what to suppress." }),
  subjectType: z.enum(["identity", "credential"]),
  subjectId: z.string(),
  reason: z.string().default(""),
});

async function run(fn: () => Promise<string>): Promise<TriageResult> {
  try {
    const message = await fn();
    revalidatePath("/findings");
    revalidatePath("/", "layout");
    return { ok: true, message };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function acceptRiskAction(input: unknown): Promise<TriageResult> {
  return run(async () => {
    const caller = await requireCaller();
    const form = acceptForm.parse(input);
    const { acceptedUntil } = await acceptFindingRisk(caller, form.findingId, {
      justification: form.justification,
      until: `${form.until}T23:59:59.999Z`,
    });
    return `Risk accepted until ${acceptedUntil.slice(0, 10)}; the finding reopens then.`;
  });
}

export async function suppressAction(input: unknown): Promise<TriageResult> {
  return run(async () => {
    const caller = await requireCaller();
    const form = suppressForm.parse(input);
    const scope = form.scope === "subject" ? { subjectType: form.subjectType, subjectId: form.subjectId } : {};
    const { suppressed } = await suppressFindings(caller, { rule: form.rule, scope, reason: form.reason });
    return `Suppressed ${suppressed.toLocaleString("en")} finding${suppressed === 1 ? "" : "s"} of ${form.rule}.`;
  });
}
