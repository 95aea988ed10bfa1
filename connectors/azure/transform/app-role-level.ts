import type { PermissionLevel } from "../../sdk";

/*
 * An application permission (app role) summarised to the inventory's three levels, by its value:
 *
 * - admin: roles that let an app take over the tenant — grant itself any role
 *   (AppRoleAssignment.ReadWrite.All, RoleManagement.ReadWrite.*), add credentials to any app
 *   (Application.ReadWrite.All), rewrite the directory (Directory.ReadWrite.All) — and full
 *   control of a workload (Sites.FullControl.All…).
 * - write: any other role that changes or sends (…ReadWrite…, Mail.Send, …Manage…, …Write…).
 * - read: roles that only read (…Read.All, RoleManagement.Read.Directory…).
 * Anything else (a custom API's role such as "Orders.Approve") has no level; its value is kept.
 */

const ADMIN = [/^(Directory|RoleManagement|AppRoleAssignment|Application)\.ReadWrite\.(All|Directory)$/i, /\.FullControl\./i];
const WRITE = [/ReadWrite/i, /\.Send(\.|$)/i, /\.Manage(\.|$)/i, /Write/i, /\.Create(\.|$)/i, /\.Delete(\.|$)/i];
const READ = [/\.Read(\.|$)/i, /^Read\./i];

/** App role id Graph uses for "default access" (an assignment without a specific role). */
export const DEFAULT_ACCESS_ROLE_ID = "00000000-0000-0000-0000-000000000000";

export function appRoleLevel(value: string): PermissionLevel | undefined {
  if (ADMIN.some((re) => re.test(value))) return "admin";
  if (WRITE.some((re) => re.test(value))) return "write";
  if (READ.some((re) => re.test(value))) return "read";
  return undefined;
}

const RANK: Record<PermissionLevel, number> = { read: 1, write: 2, admin: 3 };

/** The highest level among roles, with the role that decided it (the evidence). */
export function highestLevel(values: readonly string[]): { level: PermissionLevel; role: string } | undefined {
  let best: { level: PermissionLevel; role: string } | undefined;
  for (const role of values) {
    const level = appRoleLevel(role);
    if (level && (!best || RANK[level] > RANK[best.level])) best = { level, role };
  }
  return best;
}
