import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";
import type { Caller } from "@/lib/auth/session-context";
import type { Role } from "@/lib/auth/permissions";

let t: TestDatabase;
let admin: Caller;
let userAdmin: typeof import("@/lib/auth/user-admin");
let signIn: typeof import("@/lib/auth/sign-in");

async function makeCaller(role: Role, email: string): Promise<Caller> {
  const user = await t.db.user.create({ data: { email, role } });
  return { type: "user", userId: user.id, email, name: null, role, sessionId: null };
}

beforeAll(async () => {
  t = await createTestDatabase();
  // getDb() reads DATABASE_URL on first use; point it at this file's database.
  process.env.DATABASE_URL = t.url;
  userAdmin = await import("@/lib/auth/user-admin");
  signIn = await import("@/lib/auth/sign-in");
  admin = await makeCaller("admin", "root@example.com");
});
afterAll(async () => {
  const { getDb } = await import("@/lib/db");
  await getDb().$disconnect();
  await t.drop();
});

const actions = (target = "00000000-0000-4000-8000-000000000000") => ({
  list: (c: Caller) => userAdmin.listUsers(c),
  invite: (c: Caller) => userAdmin.inviteUser(c, { email: `new-${Math.random()}@example.com`, role: "owner", signIn: "sso" }),
  changeRole: (c: Caller) => userAdmin.changeUserRole(c, target, "auditor"),
  disable: (c: Caller) => userAdmin.setUserDisabled(c, target, true),
});

describe("user administration is authorised in the data layer", () => {
  for (const role of ["analyst", "owner", "auditor"] as const) {
    it(`refuses every user-admin action to ${role}s and writes nothing`, async () => {
      const caller = await makeCaller(role, `${role}-${Date.now()}@example.com`);
      const auditBefore = await t.db.auditEvent.count();
      const usersBefore = await t.db.user.count();
      for (const [name, run] of Object.entries(actions(admin.userId!))) {
        await expect(run(caller), name).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
      expect(await t.db.auditEvent.count()).toBe(auditBefore);
      expect(await t.db.user.count()).toBe(usersBefore);
      expect((await t.db.user.findUnique({ where: { id: admin.userId! } }))?.role).toBe("admin");
    });
  }

  it("lets an admin invite, change a role and disable, each audited in the same transaction", async () => {
    const { user, password } = await userAdmin.inviteUser(admin, { email: "Bob@Example.com", role: "owner", signIn: "password" });
    expect(user.email).toBe("bob@example.com");
    expect(password).toMatch(/^[A-Za-z2-9]{20}$/);
    await userAdmin.changeUserRole(admin, user.id, "analyst");
    const session = await t.db.session.create({ data: { userId: user.id, method: "password", expiresAt: new Date(Date.now() + 3600_000) } });
    await userAdmin.setUserDisabled(admin, user.id, true);
    const after = await t.db.session.findUnique({ where: { id: session.id } });
    expect(after?.revokedAt).toBeInstanceOf(Date);
    const events = await t.db.auditEvent.findMany({ where: { targetId: user.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["user.invited", "user.role_changed", "user.disabled"]);
    expect(events[1]!.summary).toMatchObject({ before: "owner", after: "analyst" });
    expect(events[2]!.summary).toMatchObject({ sessionsEnded: 1 });
    expect(JSON.stringify(events.map((e) => e.summary))).not.toContain(password!);
  });

  it("refuses a duplicate e-mail naming the field", async () => {
    await expect(userAdmin.inviteUser(admin, { email: "bob@example.com", role: "owner", signIn: "sso" })).rejects.toMatchObject({ code: "CONFLICT", field: "email" });
  });

  it("never leaves the instance without an active admin", async () => {
    const only = await t.db.user.findMany({ where: { role: "admin", disabledAt: null } });
    expect(only).toHaveLength(1);
    await expect(userAdmin.changeUserRole(admin, admin.userId!, "owner")).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(userAdmin.setUserDisabled(admin, admin.userId!, true)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("sign-in", () => {
  it("accepts the right password, refuses a wrong one or a disabled user, and audits failures", async () => {
    const { user, password } = await userAdmin.inviteUser(admin, { email: "carol@example.com", role: "auditor", signIn: "password" });
    expect(await signIn.verifyLocalSignIn("CAROL@example.com", password!)).toMatchObject({ id: user.id, role: "auditor" });
    expect(await signIn.verifyLocalSignIn("carol@example.com", "wrong password!")).toBeNull();
    expect(await signIn.verifyLocalSignIn("nobody@example.com", "whatever")).toBeNull();
    await userAdmin.setUserDisabled(admin, user.id, true);
    expect(await signIn.verifyLocalSignIn("carol@example.com", password!)).toBeNull();
    const failures = await t.db.auditEvent.findMany({ where: { action: "auth.sign_in_failed" }, orderBy: { id: "asc" } });
    expect(failures.map((f) => (f.summary as { reason: string }).reason)).toEqual(["bad_password", "unknown_user", "disabled"]);
  });

  it("links an invited OIDC user by e-mail once, then by (issuer, subject); refuses strangers and unverified e-mails", async () => {
    await userAdmin.inviteUser(admin, { email: "dana@example.com", role: "owner", signIn: "sso" });
    const issuer = "https://idp.example.com";
    const first = await signIn.resolveOidcUser({ issuer, subject: "sub-dana", email: "Dana@example.com", emailVerified: true }, undefined);
    expect(first.ok).toBe(true);
    const again = await signIn.resolveOidcUser({ issuer, subject: "sub-dana" }, undefined);
    expect(again).toEqual(first);
    expect(await signIn.resolveOidcUser({ issuer, subject: "sub-x", email: "stranger@example.com", emailVerified: true }, undefined)).toEqual({ ok: false, reason: "not_invited" });
    expect(await signIn.resolveOidcUser({ issuer, subject: "sub-y", email: "dana@example.com", emailVerified: false }, undefined)).toEqual({ ok: false, reason: "email_unverified" });
    const provisioned = await signIn.resolveOidcUser({ issuer, subject: "sub-z", email: "erin@example.com", emailVerified: true }, "auditor");
    expect(provisioned.ok).toBe(true);
    expect((await t.db.user.findUnique({ where: { email: "erin@example.com" } }))?.role).toBe("auditor");
  });

  it("opens and closes server-side sessions with audit events", async () => {
    const user = await t.db.user.create({ data: { email: "frank@example.com", role: "owner" } });
    const sessionId = await signIn.openSession(user.id, "password");
    expect((await t.db.session.findUnique({ where: { id: sessionId } }))?.revokedAt).toBeNull();
    await signIn.closeSession(sessionId);
    expect((await t.db.session.findUnique({ where: { id: sessionId } }))?.revokedAt).toBeInstanceOf(Date);
    const actions = (await t.db.auditEvent.findMany({ where: { actorId: user.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["auth.sign_in", "auth.sign_out"]);
  });
});
