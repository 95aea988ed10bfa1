import { expect, test, type Page } from "@playwright/test";
import { expectDashboard, expectSignInPage, lastAuditId, SESSION_COOKIE, sql } from "./support/app";
import { BASE_URL, OIDC_DISPLAY_NAME, OIDC_ISSUER, SSO_USER } from "./support/settings";

/** Starts single sign-on from Keyward and completes the test provider's login and consent pages. */
async function signInAtIdp(page: Page, login: string): Promise<void> {
  await page.goto("/signin");
  await page.getByRole("button", { name: `Continue with ${OIDC_DISPLAY_NAME}` }).click();
  await page.waitForURL(`${OIDC_ISSUER}/interaction/**`);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password works here");
  await page.getByRole("button", { name: "Sign-in" }).click();
  // Consent (the provider's second interaction).
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL(`${BASE_URL}/**`);
}

test.describe("single sign-on (OIDC)", () => {
  test("an invited user signs in through the identity provider", async ({ page }) => {
    const before = await lastAuditId();
    await signInAtIdp(page, "sso-user");

    await expectDashboard(page);
    await expect(page.getByRole("button", { name: "Account menu" })).toContainText(SSO_USER);
    const me = await page.request.get("/api/v1/me");
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ email: SSO_USER, role: "analyst" });

    // The provider account is now linked to the invited user, and the sign-in is audited.
    const links = await sql<{ email: string }>(
      `SELECT u.email FROM accounts a JOIN users u ON u.id = a.user_id WHERE a.issuer = $1 AND a.subject = 'sso-user'`,
      [OIDC_ISSUER],
    );
    expect(links).toEqual([{ email: SSO_USER }]);
    const signIns = await sql<{ actor_label: string; summary: unknown }>(
      `SELECT actor_label, summary FROM audit_events WHERE action = 'auth.sign_in' AND id > $1`,
      [before],
    );
    expect(signIns).toEqual([{ actor_label: SSO_USER, summary: { method: "oidc" } }]);
  });

  test("an identity that was not invited is refused", async ({ page, context }) => {
    const before = await lastAuditId();
    await signInAtIdp(page, "stranger");

    await expectSignInPage(page);
    await expect(page).toHaveURL(`${BASE_URL}/signin?error=not_invited`);
    await expect(page.getByRole("alert").filter({ hasText: "not invited" })).toBeVisible();
    expect((await context.cookies()).filter((cookie) => SESSION_COOKIE.test(cookie.name))).toEqual([]);
    expect((await page.request.get("/api/v1/me")).status()).toBe(401);

    expect(await sql(`SELECT id FROM users WHERE email = 'stranger@e2e.test'`)).toEqual([]);
    const failures = await sql<{ actor_label: string; summary: { reason?: string } }>(
      `SELECT actor_label, summary FROM audit_events WHERE action = 'auth.sign_in_failed' AND id > $1`,
      [before],
    );
    expect(failures).toEqual([
      { actor_label: "stranger@e2e.test", summary: expect.objectContaining({ method: "oidc", reason: "not_invited" }) },
    ]);
  });
});
