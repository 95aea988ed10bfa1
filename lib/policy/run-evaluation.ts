import "server-only";
import { callerAsActor, requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { evaluatePolicies, type EvaluationSummary } from "@/lib/policy/evaluate";

/**
 * "Evaluate now" for a signed-in user or the CLI: who may run a sync may re-evaluate the
 * policies. Always as of now: recording findings as of another instant would stamp the lifecycle
 * (first seen, resolved) with times that never happened; point-in-time views use `findingsAsOf`.
 */
export async function runPolicyEvaluation(caller: Caller, options: { ruleIds?: readonly string[] } = {}): Promise<EvaluationSummary> {
  requirePermission(caller, "sync:run");
  return evaluatePolicies(getDb(), { actor: callerAsActor(caller), ruleIds: options.ruleIds });
}
