import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { roleCan, type Permission, type Role } from "@/lib/auth/permissions";

/**
 * Who is asking. Every data-layer function takes one and checks it. The CLI acts as a `system`
 * caller with the admin role: whoever can run it already holds the database and the keys.
 */
export type Caller = {
  type: "user" | "system";
  userId: string | null;
  email: string;
  name: string | null;
  role: Role;
  sessionId: string | null;
};

export function systemCaller(label = "cli"): Caller {
  return { type: "system", userId: null, email: label, name: null, role: "admin", sessionId: null };
}

/** Re-checking lastSeenAt more often than this would write on every request. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

/**
 * The signed-in caller, or null. The cookie only names a session; the session row and the user are
 * checked on every request, so sign-out, expiry and disabling a user take effect at once.
 */
export const getCaller = cache(async (): Promise<Caller | null> => {
  const session = await getServerSession(getAuthOptions());
  const sessionId = (session as { sid?: unknown } | null)?.sid;
  if (typeof sessionId !== "string") return null;
  const db = getDb();
  const row = await db.session.findUnique({ where: { id: sessionId }, include: { user: true } });
  const now = new Date();
  if (!row || row.revokedAt || row.expiresAt <= now || row.user.disabledAt) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.session.update({ where: { id: row.id }, data: { lastSeenAt: now } });
  }
  return {
    type: "user",
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    role: row.user.role,
    sessionId: row.id,
  };
});

/** The caller, or an UNAUTHENTICATED error. */
export async function requireCaller(): Promise<Caller> {
  const caller = await getCaller();
  if (!caller) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  return caller;
}

export function requirePermission(caller: Caller, permission: Permission): void {
  if (!roleCan(caller.role, permission)) {
    throw new AppError("FORBIDDEN", `Your role (${caller.role}) does not allow ${permission}.`);
  }
}

export function callerAsActor(caller: Caller) {
  return { type: caller.type, id: caller.userId, label: caller.email };
}
