import { expect, test } from "@playwright/test";
import { expectDashboard, expectSignInPage, lastAuditId, newContext, SESSION_COOKIE, signInWithApi, sql } from "./support/app";
import { USERS } from "./support/settings";

test("signing out revokes the session on the server, not just the cookie", async ({ page, context, browser }) => {
  await signInWithApi(page.request, USERS.auditor);
  await page.goto("/");
  await expectDashboard(page);

  const sessionCookies = (await context.cookies()).filter((cookie) => SESSION_COOKIE.test(cookie.name));
  expect(sessionCookies.length).toBeGreaterThan(0);

  // The captured cookie works on its own before signing out (so the replay below proves something).
  const before = await newContext(browser);
  await before.addCookies(sessionCookies);
  expect((await before.request.get("/api/v1/me")).status()).toBe(200);
  await before.close();

  const auditBefore = await lastAuditId();
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expectSignInPage(page);
  expect((await context.cookies()).filter((cookie) => SESSION_COOKIE.test(cookie.name))).toEqual([]);

  // Replaying the old cookie gets nowhere: the session row is revoked.
  const replay = await newContext(browser);
  try {
    await replay.addCookies(sessionCookies);
    const replayPage = await replay.newPage();
    await replayPage.goto("/");
    await expectSignInPage(replayPage);
    expect((await replay.request.get("/api/v1/me")).status()).toBe(401);
  } finally {
    await replay.close();
  }

  const signOuts = await sql<{ actor_label: string }>(
    `SELECT actor_label FROM audit_events WHERE action = 'auth.sign_out' AND id > $1`,
    [auditBefore],
  );
  expect(signOuts).toEqual([{ actor_label: USERS.auditor }]);
});
