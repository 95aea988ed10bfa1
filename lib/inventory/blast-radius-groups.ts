import type { BlastNode, BlastNodeKind, ResourceGrant } from "@/lib/inventory/blast-radius-query";

/*
 * The blast radius as a list a person reads top-down: the resources reached, strongest privilege
 * first, each with who in the radius holds it; then the identities and credentials reached. Pure.
 */

/** Strongest first. `unspecified`: reached without a stated level (membership, a grant without one). */
export const PRIVILEGE_LEVELS = ["admin", "write", "read", "unspecified"] as const;
export type PrivilegeLevel = (typeof PRIVILEGE_LEVELS)[number];

export type ResourceReach = {
  id: string;
  name: string;
  type: string | null;
  kind: BlastNodeKind;
  depth: number;
  gone: boolean;
  /** Principals in the radius holding a grant on it, strongest first. */
  grantedTo: { id: string; name: string; level: PrivilegeLevel }[];
};

export type PrivilegeGroup = { level: PrivilegeLevel; resources: ResourceReach[] };

export type PrincipalGroup = { kind: "identity" | "credential" | "person"; nodes: BlastNode[] };

const rank = (level: PrivilegeLevel) => PRIVILEGE_LEVELS.indexOf(level);

export function asPrivilegeLevel(level: string | null | undefined): PrivilegeLevel {
  return (PRIVILEGE_LEVELS as readonly string[]).includes(level ?? "") ? (level as PrivilegeLevel) : "unspecified";
}

/** A reached node that is a target of access: a resource, or an edge end no source has reported. */
const isTarget = (node: BlastNode) => node.kind === "resource" || (node.kind === "external" && node.via !== null);

/** Non-empty groups in PRIVILEGE_LEVELS order; resources by name within a group. */
export function groupByPrivilege(nodes: readonly BlastNode[], grants: readonly ResourceGrant[]): PrivilegeGroup[] {
  const names = new Map(nodes.map((node) => [node.id, node.name]));
  const grantsOf = new Map<string, ResourceReach["grantedTo"]>();
  for (const grant of grants) {
    const list = grantsOf.get(grant.resourceId) ?? [];
    list.push({ id: grant.principalId, name: names.get(grant.principalId) ?? grant.principalId, level: asPrivilegeLevel(grant.level) });
    grantsOf.set(grant.resourceId, list);
  }
  const groups = new Map<PrivilegeLevel, ResourceReach[]>();
  for (const node of nodes.filter(isTarget)) {
    const grantedTo = (grantsOf.get(node.id) ?? []).sort((a, b) => rank(a.level) - rank(b.level) || a.name.localeCompare(b.name));
    // Without a recorded grant (a dangling end), the edge that reached it is the grant.
    const viaLevel = node.via?.relation === "has_permission" ? asPrivilegeLevel(node.via.level) : "unspecified";
    const level = grantedTo[0]?.level ?? viaLevel;
    const reach: ResourceReach = { id: node.id, name: node.name, type: node.type, kind: node.kind, depth: node.depth, gone: node.gone, grantedTo };
    groups.set(level, [...(groups.get(level) ?? []), reach]);
  }
  return PRIVILEGE_LEVELS.filter((level) => groups.has(level)).map((level) => ({
    level,
    resources: groups.get(level)!.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
  }));
}

/** Identities, credentials and people reached (the start node excluded), nearest first. */
export function groupPrincipals(nodes: readonly BlastNode[]): PrincipalGroup[] {
  const kinds = ["identity", "credential", "person"] as const;
  return kinds
    .map((kind) => ({
      kind,
      nodes: nodes.filter((node) => node.kind === kind && node.depth > 0).sort((a, b) => a.depth - b.depth || a.name.localeCompare(b.name)),
    }))
    .filter((group) => group.nodes.length > 0);
}
