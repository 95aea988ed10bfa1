import "server-only";
import type { Db } from "@/lib/db";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import { generatePassword, hashPassword } from "@/lib/auth/passwords";

export const DEFAULT_ADMIN_EMAIL = "admin@keyward.local";

export type BootstrapResult =
  | { created: true; email: string; password: string; passwordFromEnv: boolean }
  | { created: false };

/**
 * On an instance with no users, creates the first admin: KEYWARD_ADMIN_EMAIL / _PASSWORD when
 * given, otherwise a generated password that the caller shows once.
 */
export async function bootstrapAdmin(
  db: Db,
  options: { email?: string; password?: string; auditKey?: Buffer } = {},
): Promise<BootstrapResult> {
  if ((await db.user.count()) > 0) return { created: false };
  const email = (options.email ?? DEFAULT_ADMIN_EMAIL).toLowerCase();
  const password = options.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    // Two processes starting at once: only the first creates the admin.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(7372003)`;
    if ((await tx.user.count()) > 0) return { created: false } as const;
    const user = await tx.user.create({ data: { email, role: "admin", passwordHash, name: "Administrator" } });
    const event = {
      actor: { type: "system" as const, label: "bootstrap" },
      action: "user.bootstrap_admin",
      target: { type: "user", id: user.id },
      summary: { email, passwordFromEnv: options.password !== undefined },
    };
    await appendAuditEvents(tx, [event], options.auditKey);
    return { created: true, email, password, passwordFromEnv: options.password !== undefined } as const;
  });
}
