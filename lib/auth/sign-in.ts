import "server-only";
import { getDb } from "@/lib/db";
import { appendAuditEvent } from "@/lib/audit/append-audit-events";
import { getDecoyHash, verifyPassword } from "@/lib/auth/passwords";
import type { Role } from "@/lib/auth/permissions";

/** How long a browser session lasts without signing in again. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export type SignedInUser = { id: string; email: string; name: string | null; role: Role };

const anonymous = (label: string) => ({ type: "anonymous" as const, label });

/** Checks a local password. Failures are audited; timing does not reveal whether the e-mail exists. */
export async function verifyLocalSignIn(emailInput: string, password: string): Promise<SignedInUser | null> {
  const email = emailInput.trim().toLowerCase();
  const db = getDb();
  const user = await db.user.findUnique({ where: { email } });
  const ok = await verifyPassword(user?.passwordHash ?? (await getDecoyHash()), password);
  if (!user || !user.passwordHash || !ok || user.disabledAt) {
    const reason = !user ? "unknown_user" : user.disabledAt ? "disabled" : "bad_password";
    await db.$transaction((tx) =>
      appendAuditEvent(tx, {
        actor: anonymous(email.slice(0, 200)),
        action: "auth.sign_in_failed",
        target: user ? { type: "user", id: user.id } : null,
        summary: { method: "password", reason },
      }),
    );
    return null;
  }
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export type OidcProfile = { issuer: string; subject: string; email?: string | null; emailVerified?: boolean | null; name?: string | null };

export type OidcResolution = { ok: true; userId: string } | { ok: false; reason: "not_invited" | "disabled" | "email_unverified" | "no_email" };

/**
 * Maps an identity-provider account to a Keyward user: a known (issuer, subject), else an invited
 * user with the same e-mail (linked now), else a new user if OIDC_DEFAULT_ROLE allows it.
 */
export async function resolveOidcUser(profile: OidcProfile, defaultRole: Role | undefined): Promise<OidcResolution> {
  const db = getDb();
  return db.$transaction(async (tx) => {
    const linked = await tx.account.findUnique({
      where: { issuer_subject: { issuer: profile.issuer, subject: profile.subject } },
      include: { user: true },
    });
    const fail = async (reason: Exclude<OidcResolution, { ok: true }>["reason"], userId?: string): Promise<OidcResolution> => {
      await appendAuditEvent(tx, {
        actor: anonymous(profile.email ?? profile.subject),
        action: "auth.sign_in_failed",
        target: userId ? { type: "user", id: userId } : null,
        summary: { method: "oidc", issuer: profile.issuer, reason },
      });
      return { ok: false, reason };
    };
    if (linked) return linked.user.disabledAt ? fail("disabled", linked.user.id) : { ok: true, userId: linked.user.id };
    if (!profile.email) return fail("no_email");
    // An unverified e-mail could be anyone's: never link it to an invited account.
    if (profile.emailVerified === false) return fail("email_unverified");
    const email = profile.email.toLowerCase();
    let user = await tx.user.findUnique({ where: { email } });
    if (user?.disabledAt) return fail("disabled", user.id);
    if (!user) {
      if (!defaultRole) return fail("not_invited");
      user = await tx.user.create({ data: { email, name: profile.name ?? null, role: defaultRole } });
      await appendAuditEvent(tx, {
        actor: { type: "system", label: "oidc" },
        action: "user.provisioned",
        target: { type: "user", id: user.id },
        summary: { email, role: defaultRole, issuer: profile.issuer },
      });
    }
    await tx.account.create({ data: { userId: user.id, issuer: profile.issuer, subject: profile.subject } });
    return { ok: true, userId: user.id };
  });
}

/** Opens a session row for a successful sign-in and audits it in the same transaction. */
export async function openSession(userId: string, method: "password" | "oidc"): Promise<string> {
  const db = getDb();
  return db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { lastLoginAt: new Date() } });
    const session = await tx.session.create({
      data: { userId, method, expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) },
    });
    await appendAuditEvent(tx, {
      actor: { type: "user", id: user.id, label: user.email },
      action: "auth.sign_in",
      target: { type: "session", id: session.id },
      summary: { method },
    });
    return session.id;
  });
}

export async function closeSession(sessionId: string): Promise<void> {
  const db = getDb();
  await db.$transaction(async (tx) => {
    const session = await tx.session.findUnique({ where: { id: sessionId }, include: { user: true } });
    if (!session || session.revokedAt) return;
    await tx.session.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    await appendAuditEvent(tx, {
      actor: { type: "user", id: session.userId, label: session.user.email },
      action: "auth.sign_out",
      target: { type: "session", id: sessionId },
    });
  });
}
