import { expect, test } from "@playwright/test";
import {
  expectDashboard,
  expectSignInPage,
  lastAuditId,
  saveScreenshot,
  signInWithApi,
  signInWithForm,
  sql,
} from "./support/app";
import { BASE_URL, PASSWORD, USERS } from "./support/settings";

test.describe("local sign-in", () => {
  test("an admin signs in with a password and lands on the dashboard", async ({ page }, testInfo) => {
    await page.goto("/signin");
    await expectSignInPage(page);
    await saveScreenshot(page, testInfo, "sign-in.png");

    await signInWithForm(page, USERS.admin, PASSWORD);

    await expectDashboard(page);
    const nav = page.getByRole("navigation", { name: "Main" });
    // An admin's menu has every area, Settings included.
    for (const area of ["Dashboard", "Inventory", "Findings", "Sources", "Campaigns", "Reports", "Audit log", "Settings"]) {
      await expect(nav.getByRole("link", { name: area, exact: true })).toBeVisible();
    }
    await expect(page.getByRole("button", { name: "Account menu" })).toContainText(USERS.admin);
    await saveScreenshot(page, testInfo, "dashboard.png");
  });

  test("a wrong password shows an error, stays on /signin and is audited", async ({ page }) => {
    const before = await lastAuditId();
    await signInWithForm(page, USERS.analyst, `${PASSWORD}-wrong`);

    await expect(page.getByRole("alert").filter({ hasText: "Wrong e-mail or password" })).toBeVisible();
    await expect(page).toHaveURL(`${BASE_URL}/signin`);
    expect((await page.request.get("/api/v1/me")).status()).toBe(401);

    const events = await sql<{ actor_type: string; actor_label: string; summary: { method?: string; reason?: string } }>(
      `SELECT actor_type, actor_label, summary FROM audit_events WHERE action = 'auth.sign_in_failed' AND id > $1`,
      [before],
    );
    expect(events).toEqual([
      { actor_type: "anonymous", actor_label: USERS.analyst, summary: { method: "password", reason: "bad_password" } },
    ]);
  });

  test("a signed-in user visiting /signin is sent on, never to another site", async ({ page }) => {
    await signInWithApi(page.request, USERS.analyst);

    await page.goto("/signin");
    await expectDashboard(page);

    await page.goto("/signin?callbackUrl=%2Faudit");
    await expect(page).toHaveURL(`${BASE_URL}/audit`);
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();

    // An absolute or protocol-relative callback would be an open redirect.
    for (const callback of ["https://evil.example/x", "//evil.example/x"]) {
      await page.goto(`/signin?callbackUrl=${encodeURIComponent(callback)}`);
      await expectDashboard(page);
    }
  });
});
