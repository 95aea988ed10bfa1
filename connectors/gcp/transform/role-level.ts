import type { PermissionLevel } from "../../sdk";

/*
 * Grades an IAM role granted on a project to one privilege level, with the reason as evidence.
 * Predefined role names follow Google's naming (`roles/<service>.<what><Admin|Editor|Viewer…>`),
 * so the last word decides; a role whose name does not show it only reads is graded `write`,
 * because a grant not known to be read-only may change things.
 */

/** Basic roles: owner and editor can change almost everything in the project. */
const BASIC_LEVELS: ReadonlyMap<string, PermissionLevel> = new Map([
  ["roles/owner", "admin"],
  ["roles/editor", "admin"],
  ["roles/viewer", "read"],
  ["roles/browser", "read"],
]);

/**
 * Granted on the project, these let the holder act as (or mint keys and tokens for) every
 * service account in it — and so reach whatever the most privileged of them can.
 */
const IMPERSONATION_ROLES: ReadonlySet<string> = new Set([
  "roles/iam.serviceAccountTokenCreator",
  "roles/iam.serviceAccountUser",
  "roles/iam.serviceAccountKeyAdmin",
  "roles/iam.workloadIdentityUser",
]);

const ADMIN_WORD = /(admin|owner)$/i;
const READ_WORD = /(viewer|reader|browser|lister|getter|auditor|reviewer|observer|accessor)$/i;
/** Trailing version segments of some predefined roles, e.g. `roles/compute.instanceAdmin.v1`. */
const VERSION_SEGMENT = /^v\d+(beta\d*)?$/i;

export interface RoleGrade {
  readonly level: PermissionLevel;
  readonly reason: string;
}

export function gradeRole(role: string): RoleGrade {
  const basic = BASIC_LEVELS.get(role);
  if (basic) return { level: basic, reason: "basic role" };
  if (IMPERSONATION_ROLES.has(role)) return { level: "admin", reason: "can act as every service account of the project" };
  const name = role.split("/").pop() ?? role;
  const word = name.split(".").filter((segment) => !VERSION_SEGMENT.test(segment)).pop() ?? name;
  const custom = !role.startsWith("roles/");
  const by = custom ? "custom role judged by its name" : "predefined role";
  if (ADMIN_WORD.test(word)) return { level: "admin", reason: `${by}: administers` };
  if (READ_WORD.test(word)) return { level: "read", reason: `${by}: reads only` };
  return { level: "write", reason: `${by}: not known to be read-only` };
}
