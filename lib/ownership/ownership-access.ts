import "server-only";
import { requirePermission, type Caller } from "@/lib/auth/session-context";
import { roleCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { ResolvedOwner } from "@/lib/ownership/owner-queries";

/**
 * Who may act on an identity's ownership. Analysts and admins (`inventory:write`) may act on any
 * identity. A user with the owner role may act only on an identity they own: as its resolved
 * owner, or — where `asBackup` allows it — as the backup of its assignment.
 */
export function requireOwnershipActor(caller: Caller, owner: ResolvedOwner | null, options: { asBackup: boolean }): void {
  if (roleCan(caller.role, "inventory:write")) return;
  if (caller.role === "owner" && owner && callerIsOwner(caller, owner, options)) return;
  if (caller.role === "owner") throw new AppError("FORBIDDEN", "You can only do this for identities you own.");
  requirePermission(caller, "inventory:write");
}

export function callerIsOwner(caller: Caller, owner: ResolvedOwner, options: { asBackup: boolean }): boolean {
  const email = caller.email.toLowerCase();
  return owner.email === email || (options.asBackup && owner.backupEmail === email);
}
