/**
 * Who may do what. Pure data: the data layer checks these on every read and write
 * (`requirePermission`); the UI only uses them to hide what a role cannot use.
 */
export const ROLES = ["admin", "analyst", "owner", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "inventory:read",
  "inventory:write",
  "findings:triage",
  "sources:manage",
  "sync:run",
  "campaigns:manage",
  "reviews:decide",
  "reports:export",
  "audit:read",
  "users:manage",
  "settings:manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ANALYST: Permission[] = [
  "inventory:read",
  "inventory:write",
  "findings:triage",
  "sync:run",
  "campaigns:manage",
  "reviews:decide",
  "reports:export",
  "audit:read",
];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(PERMISSIONS),
  analyst: new Set(ANALYST),
  // Owners see and act on their own identities; the data layer narrows every query to them.
  owner: new Set<Permission>(["inventory:read", "reviews:decide"]),
  auditor: new Set<Permission>(["inventory:read", "reports:export", "audit:read"]),
};

export function roleCan(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  analyst: "Analyst",
  owner: "Owner",
  auditor: "Auditor",
};
