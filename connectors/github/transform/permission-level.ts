import type { PermissionLevel } from "../../sdk";

/*
 * GitHub grants App installations and fine-grained tokens a map of permission → `read` | `write`
 * | `admin` (e.g. `{ "contents": "read", "administration": "write" }`). The edge level is the
 * strongest entry; some permissions are admin by nature whatever their value says.
 */

const RANK: Record<PermissionLevel, number> = { read: 1, write: 2, admin: 3 };

/** Permissions whose `write` lets the holder change who can do what: treated as admin. */
const ADMINISTRATIVE = new Set(["administration", "organization_administration", "members", "secrets", "organization_secrets"]);

function levelOf(name: string, value: string): PermissionLevel | undefined {
  if (value === "admin") return "admin";
  if (value === "write") return ADMINISTRATIVE.has(name) ? "admin" : "write";
  return value === "read" ? "read" : undefined;
}

/** The strongest level across permission maps, or undefined when none grants anything. */
export function strongestLevel(...maps: readonly Record<string, string>[]): PermissionLevel | undefined {
  let best: PermissionLevel | undefined;
  for (const map of maps) {
    for (const [name, value] of Object.entries(map)) {
      const level = levelOf(name, value);
      if (level && (!best || RANK[level] > RANK[best])) best = level;
    }
  }
  return best;
}

/** The names holding the strongest level, sorted: what an admin reads to judge the grant. */
export function permissionsAt(level: PermissionLevel | undefined, ...maps: readonly Record<string, string>[]): string[] {
  if (!level) return [];
  return maps
    .flatMap((map) => Object.entries(map))
    .filter(([name, value]) => levelOf(name, value) === level)
    .map(([name]) => name)
    .sort();
}
