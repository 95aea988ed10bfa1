import type { PermissionLevel } from "../../sdk";
import type { Policies, PolicyDocument, PolicyStatement } from "../schemas";

/*
 * Summarises an identity's policies to one privilege level (admin / write / read) with the
 * evidence: which policy decided it and why. Documents are judged by their Allow statements;
 * policies read only by name (AWS-managed ones, whose documents are not fetched) by well-known names.
 * Deny statements and conditions are not subtracted: the level is what the policies grant at most.
 */

const RANK: Record<PermissionLevel, number> = { read: 1, write: 2, admin: 3 };

/** AWS-managed policies that hand over the account (full access, or IAM itself). */
const ADMIN_POLICY_NAMES = new Set(["administratoraccess", "iamfullaccess"]);
const READ_POLICY_NAMES = new Set(["readonlyaccess", "viewonlyaccess", "securityaudit"]);

/** Verbs of actions that only read (`s3:GetObject`, `ec2:Describe*`, `dynamodb:Query`…). */
const READ_VERB = /^(get|list|describe|batchget|head|select|query|scan|view|search|lookup|check|validate|estimate|simulate|download|retrieve)/i;

export interface PolicyEvidence {
  readonly name: string;
  readonly arn?: string;
  readonly kind: "inline" | "aws-managed" | "customer-managed";
  readonly level: PermissionLevel | null;
  readonly reason: string;
}

export interface PrivilegeSummary {
  readonly level: PermissionLevel;
  /** Name of the policy that decided the level (what the `privileged` rule matches). */
  readonly role: string;
  readonly wildcard: boolean;
  readonly policies: PolicyEvidence[];
}

const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const max = (a: PermissionLevel | null, b: PermissionLevel | null) => (a === null ? b : b === null ? a : RANK[a] >= RANK[b] ? a : b);

function actionLevel(action: string, onEverything: boolean): PermissionLevel {
  const lower = action.toLowerCase();
  if (lower === "*" || lower === "*:*") return "admin";
  const [service = "", verb = ""] = lower.split(":");
  // IAM writes on every resource let the holder grant itself anything.
  if (service === "iam" && (verb === "*" || (onEverything && !READ_VERB.test(verb)))) return "admin";
  if (verb === "*" || verb.startsWith("*")) return "write";
  return READ_VERB.test(verb) ? "read" : "write";
}

function statementLevel(statement: PolicyStatement): { level: PermissionLevel | null; wildcard: boolean; reason: string } {
  if (statement.Effect !== "Allow") return { level: null, wildcard: false, reason: "deny" };
  const resources = list(statement.Resource);
  const onEverything = resources.includes("*") || statement.NotResource !== undefined;
  if (statement.NotAction !== undefined) {
    // "Everything except …" is as good as everything.
    return { level: onEverything ? "admin" : "write", wildcard: onEverything, reason: "Allow NotAction" };
  }
  let level: PermissionLevel | null = null;
  let decisive = "";
  for (const action of list(statement.Action)) {
    const next = actionLevel(action, onEverything);
    if (level === null || RANK[next] > RANK[level]) [level, decisive] = [next, action];
  }
  const wildcard = onEverything && (decisive === "*" || decisive === "*:*");
  return { level, wildcard, reason: level ? `Allow ${decisive} on ${onEverything ? "*" : resources.join(", ")}` : "no actions" };
}

export function documentLevel(document: PolicyDocument): { level: PermissionLevel | null; wildcard: boolean; reason: string } {
  let best: { level: PermissionLevel | null; wildcard: boolean; reason: string } = { level: null, wildcard: false, reason: "no Allow statement" };
  for (const statement of document.Statement) {
    const judged = statementLevel(statement);
    if (judged.level === null) continue;
    // Higher level wins; at equal level a wildcard statement is the stronger evidence.
    const better = best.level === null || RANK[judged.level] > RANK[best.level] || (RANK[judged.level] === RANK[best.level] && judged.wildcard && !best.wildcard);
    if (better) best = judged;
  }
  return best;
}

/** Level of a policy known only by name: AWS's well-known names and naming habits. */
export function namedPolicyLevel(name: string): { level: PermissionLevel | null; reason: string } {
  const lower = name.toLowerCase();
  if (ADMIN_POLICY_NAMES.has(lower)) return { level: "admin", reason: `AWS-managed ${name}` };
  if (READ_POLICY_NAMES.has(lower) || lower.includes("readonly")) return { level: "read", reason: `read-only by name` };
  if (/fullaccess|poweruser|administrator/.test(lower)) return { level: "write", reason: `full access to a service by name` };
  return { level: null, reason: "document not read" };
}

function evidenceOf(policies: Policies): PolicyEvidence[] {
  const attached = policies.attached.map((policy): PolicyEvidence => {
    const kind = policy.PolicyArn.includes(":iam::aws:policy/") ? "aws-managed" : "customer-managed";
    const judged = policy.Document ? documentLevel(policy.Document) : namedPolicyLevel(policy.PolicyName);
    return { name: policy.PolicyName, arn: policy.PolicyArn, kind, level: judged.level, reason: judged.reason };
  });
  const inline = policies.inline.map((policy): PolicyEvidence => {
    const judged = documentLevel(policy.PolicyDocument);
    return { name: policy.PolicyName, kind: "inline", level: judged.level, reason: judged.reason };
  });
  return [...attached, ...inline].sort((a, b) => a.name.localeCompare(b.name) || a.kind.localeCompare(b.kind));
}

/** undefined when no policy grants anything Keyward can grade. */
export function summarisePrivileges(policies: Policies): PrivilegeSummary | undefined {
  const evidence = evidenceOf(policies);
  let level: PermissionLevel | null = null;
  let role = "";
  for (const entry of evidence) {
    const next = max(level, entry.level);
    if (next !== level) [level, role] = [next, entry.name];
  }
  if (level === null) return undefined;
  const wildcard =
    policies.inline.some((p) => documentLevel(p.PolicyDocument).wildcard) ||
    policies.attached.some((p) => (p.Document ? documentLevel(p.Document).wildcard : p.PolicyName === "AdministratorAccess"));
  return { level, role, wildcard, policies: evidence };
}
