import type { KeywardRecordInput } from "../../sdk";
import { accountRef, type Ref } from "../external-types";
import type { Policies } from "../schemas";
import { summarisePrivileges } from "./privilege-level";

/**
 * One `has_permission` edge identity → its account, at the highest level its policies grant (an
 * edge's key is the pair, so policies are summarised, each kept as evidence).
 */
export function permissionEdges(from: Ref, accountId: string, policies: Policies | undefined): KeywardRecordInput[] {
  const summary = policies && summarisePrivileges(policies);
  if (!summary) return [];
  return [
    {
      kind: "edge",
      type: "has_permission",
      from,
      to: accountRef(accountId),
      level: summary.level,
      attributes: {
        role: summary.role,
        wildcard: summary.wildcard,
        privileged: summary.level === "admin",
        policies: summary.policies.map((p) => ({ ...p })),
      },
    },
  ];
}
