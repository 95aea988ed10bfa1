import { toIsoTimestamp, type KeywardRecordInput } from "../../sdk";
import { servicePrincipalRef } from "../external-types";
import type { AppRoleAssignment } from "../schemas";
import { DEFAULT_ACCESS_ROLE_ID, highestLevel } from "./app-role-level";
import { compact } from "./compact";
import { MICROSOFT_GRAPH_APP_ROLES } from "./known-app-roles";

/*
 * App role assignments granted to a service principal (GET /servicePrincipals/{id}/appRoleAssignments):
 * one `has_permission` edge per resource it holds roles on, at the highest level of those roles.
 * Grouped per resource because the edge's natural key is (principal, resource): one edge per
 * role would overwrite each other.
 */

function roleName(appRoleId: string, names: Readonly<Record<string, string>>): string {
  if (appRoleId === DEFAULT_ACCESS_ROLE_ID) return "default access";
  return names[appRoleId] ?? MICROSOFT_GRAPH_APP_ROLES[appRoleId] ?? appRoleId;
}

export function grantEdges(
  principalId: string,
  assignments: readonly AppRoleAssignment[],
  roleNames: Readonly<Record<string, string>>,
): KeywardRecordInput[] {
  const byResource = new Map<string, AppRoleAssignment[]>();
  for (const assignment of assignments) {
    byResource.set(assignment.resourceId, [...(byResource.get(assignment.resourceId) ?? []), assignment]);
  }
  return [...byResource.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([resourceId, held]): KeywardRecordInput => {
      const roles = [...new Set(held.map((a) => roleName(a.appRoleId, roleNames)))].sort();
      const decided = highestLevel(roles);
      const assignedAt = held.flatMap((a) => toIsoTimestamp(a.createdDateTime) ?? []).sort()[0];
      return {
        kind: "edge",
        type: "has_permission",
        from: servicePrincipalRef(principalId),
        to: servicePrincipalRef(resourceId),
        ...(decided ? { level: decided.level } : {}),
        attributes: compact({
          role: decided?.role,
          roles,
          privileged: decided?.level === "admin" ? true : undefined,
          resource: held[0]?.resourceDisplayName ?? undefined,
          assignedAt,
          provenance: "entra.appRoleAssignments",
        }),
      };
    });
}
