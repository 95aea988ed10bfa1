import type { KeywardRecordInput, PermissionLevel } from "../../sdk";
import { PROJECT_TYPE, projectRef, serviceAccountRef } from "../external-types";
import type { Binding, IamPolicyItem } from "../schemas";
import { accountFactsOf } from "./account-kind";
import { compact } from "./compact";
import { gradeRole } from "./role-level";

/*
 * A project's IAM policy as the project resource plus one `has_permission` edge per service
 * account it grants roles to, summarised to the highest level. Users, groups, domains and
 * `deleted:` members are not identities of this connector and are left out. Conditional grants
 * count (a condition narrows a grant, it does not remove it) and stay visible in the evidence.
 */

const RANK: Record<PermissionLevel, number> = { read: 1, write: 2, admin: 3 };
const SERVICE_ACCOUNT_MEMBER = "serviceAccount:";

interface Grant {
  readonly role: string;
  readonly level: PermissionLevel;
  readonly reason: string;
  readonly condition?: { title?: string; expression?: string };
}

function grantOf(binding: Binding): Grant {
  const { level, reason } = gradeRole(binding.role);
  const condition = binding.condition && compact({ title: binding.condition.title, expression: binding.condition.expression });
  return { role: binding.role, level, reason, ...(condition ? { condition } : {}) };
}

/** Highest level first; at equal level an unconditional grant is the stronger evidence; then by name. */
function strongestFirst(a: Grant, b: Grant): number {
  return RANK[b.level] - RANK[a.level] || Number(a.condition !== undefined) - Number(b.condition !== undefined) || a.role.localeCompare(b.role);
}

function grantsByServiceAccount(bindings: readonly Binding[]): Map<string, Grant[]> {
  const byEmail = new Map<string, Grant[]>();
  for (const binding of bindings) {
    const grant = grantOf(binding);
    const emails = new Set(
      binding.members.filter((m) => m.startsWith(SERVICE_ACCOUNT_MEMBER)).map((m) => m.slice(SERVICE_ACCOUNT_MEMBER.length).toLowerCase()),
    );
    for (const email of emails) byEmail.set(email, [...(byEmail.get(email) ?? []), grant]);
  }
  return byEmail;
}

export function projectIamRecords(policy: IamPolicyItem): KeywardRecordInput[] {
  // The item schema guarantees the project id (from the scope live, from the path offline).
  const projectId = policy.keyward.projectId ?? "";
  const environment = policy.keyward.environment;
  const project: KeywardRecordInput = {
    kind: "resource",
    externalType: PROJECT_TYPE,
    externalId: projectId,
    name: projectId,
    type: "project",
    ...(environment ? { environment } : {}),
    attributes: compact({ projectId, iamPolicyVersion: policy.version ?? undefined }),
  };
  const edges = [...grantsByServiceAccount(policy.bindings)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([email, grants]): KeywardRecordInput => {
      const sorted = [...grants].sort(strongestFirst);
      const decisive = sorted[0] as Grant;
      const home = accountFactsOf(email).projectId;
      return {
        kind: "edge",
        type: "has_permission",
        from: serviceAccountRef(email),
        to: projectRef(projectId),
        level: decisive.level,
        attributes: compact({
          role: decisive.role,
          reason: decisive.reason,
          conditional: decisive.condition !== undefined,
          roles: [...new Set(sorted.map((g) => g.role))].sort(),
          grants: sorted.map((g) => compact({ role: g.role, level: g.level, condition: g.condition })),
          // An account of another project holding roles here (cross-project access).
          external: home !== undefined && home !== projectId ? true : undefined,
        }),
      };
    });
  return [project, ...edges];
}
