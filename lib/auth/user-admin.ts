import "server-only";
import { z } from "zod";
import { getDb, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { appendAuditEvent } from "@/lib/audit/append-audit-events";
import { callerAsActor, requirePermission, type Caller } from "@/lib/auth/session-context";
import { generatePassword, hashPassword } from "@/lib/auth/passwords";
import { ROLES, type Role } from "@/lib/auth/permissions";

export type UserDto = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  disabled: boolean;
  hasPassword: boolean;
  linkedToIdp: boolean;
  lastLoginAt: string | null;
  activeSessions: number;
};

export async function listUsers(caller: Caller): Promise<UserDto[]> {
  requirePermission(caller, "users:manage");
  const now = new Date();
  const users = await getDb().user.findMany({
    orderBy: { email: "asc" },
    include: {
      _count: { select: { accounts: true, sessions: { where: { revokedAt: null, expiresAt: { gt: now } } } } },
    },
  });
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    disabled: u.disabledAt !== null,
    hasPassword: u.passwordHash !== null,
    linkedToIdp: u._count.accounts > 0,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    activeSessions: u._count.sessions,
  }));
}

export const inviteUserSchema = z.object({
  email: z.email({ error: "Enter a valid e-mail address." }).max(320).transform((v) => v.toLowerCase()),
  name: z.string().trim().max(200).optional().transform((v) => v || undefined),
  role: z.enum(ROLES, { error: "Choose a role." }),
  /** `password`: a one-time password is generated and shown once; `sso`: sign-in through the identity provider only. */
  signIn: z.enum(["password", "sso"]),
});
export type InviteUserInput = z.input<typeof inviteUserSchema>;

export async function inviteUser(caller: Caller, input: InviteUserInput): Promise<{ user: { id: string; email: string }; password: string | null }> {
  requirePermission(caller, "users:manage");
  // Validated here too: the data layer is the boundary, whoever calls it.
  const parsed = inviteUserSchema.parse(input);
  const password = parsed.signIn === "password" ? generatePassword() : null;
  const passwordHash = password ? await hashPassword(password) : null;
  return getDb().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: parsed.email } })) {
      throw new AppError("CONFLICT", `A user with the e-mail ${parsed.email} already exists.`, "email");
    }
    const user = await tx.user.create({ data: { email: parsed.email, name: parsed.name ?? null, role: parsed.role, passwordHash } });
    await appendAuditEvent(tx, {
      actor: callerAsActor(caller),
      action: "user.invited",
      target: { type: "user", id: user.id },
      summary: { email: user.email, role: user.role, signIn: parsed.signIn },
    });
    return { user: { id: user.id, email: user.email }, password };
  });
}

async function loadTarget(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("NOT_FOUND", "That user does not exist.");
  return user;
}

/** Refuses to leave the instance without an active admin. */
async function assertAnotherActiveAdmin(tx: Tx, userId: string) {
  const others = await tx.user.count({ where: { role: "admin", disabledAt: null, id: { not: userId } } });
  if (others === 0) throw new AppError("CONFLICT", "Keyward needs at least one active admin; make someone else admin first.");
}

export async function changeUserRole(caller: Caller, userId: string, role: Role): Promise<void> {
  requirePermission(caller, "users:manage");
  await getDb().$transaction(async (tx) => {
    const user = await loadTarget(tx, userId);
    if (user.role === role) return;
    if (user.role === "admin") await assertAnotherActiveAdmin(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { role } });
    await appendAuditEvent(tx, {
      actor: callerAsActor(caller),
      action: "user.role_changed",
      target: { type: "user", id: userId },
      summary: { email: user.email, before: user.role, after: role },
    });
  });
}

/** Disables a user and ends every session they have, at once. */
export async function setUserDisabled(caller: Caller, userId: string, disabled: boolean): Promise<void> {
  requirePermission(caller, "users:manage");
  if (disabled && userId === caller.userId) throw new AppError("CONFLICT", "You cannot disable your own account.");
  await getDb().$transaction(async (tx) => {
    const user = await loadTarget(tx, userId);
    if ((user.disabledAt !== null) === disabled) return;
    if (disabled && user.role === "admin") await assertAnotherActiveAdmin(tx, userId);
    const now = new Date();
    await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? now : null } });
    const ended = disabled
      ? await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } })
      : { count: 0 };
    await appendAuditEvent(tx, {
      actor: callerAsActor(caller),
      action: disabled ? "user.disabled" : "user.enabled",
      target: { type: "user", id: userId },
      summary: { email: user.email, sessionsEnded: ended.count },
    });
  });
}
