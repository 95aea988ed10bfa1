import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { appendAuditEvent } from "@/lib/audit/append-audit-events";
import { callerAsActor, type Caller } from "@/lib/auth/session-context";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";

/** NIST SP 800-63B: length over composition rules; 12 is our floor for a security console. */
export const MIN_PASSWORD_LENGTH = 12;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password."),
    newPassword: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
      .max(1024, "That is too long."),
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: "The two new passwords differ.", path: ["confirmPassword"] })
  .refine((v) => v.newPassword !== v.currentPassword, { message: "Choose a password you have not used here.", path: ["newPassword"] });

/** Changes the caller's own password and ends their other sessions. */
export async function changeOwnPassword(caller: Caller, input: z.infer<typeof changePasswordSchema>): Promise<{ sessionsEnded: number }> {
  if (caller.type !== "user" || !caller.userId) throw new AppError("FORBIDDEN", "Only a signed-in user has a password to change.");
  const userId = caller.userId;
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("INVALID_INPUT", "Your current password is not correct.", "currentPassword");
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    const ended = await tx.session.updateMany({
      where: { userId, revokedAt: null, id: { not: caller.sessionId ?? undefined } },
      data: { revokedAt: new Date() },
    });
    await appendAuditEvent(tx, {
      actor: callerAsActor(caller),
      action: "user.password_changed",
      target: { type: "user", id: userId },
      summary: { otherSessionsEnded: ended.count },
    });
    return { sessionsEnded: ended.count };
  });
}
