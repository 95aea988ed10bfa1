import { expect, test } from "@playwright/test";
import {
  expectDashboard,
  expectSignInPage,
  newContext,
  saveScreenshot,
  signInWithApi,
  signInWithForm,
  sql,
  uniqueEmail,
} from "./support/app";
import { USERS } from "./support/settings";

test("an admin invites a user, who signs in, and disabling them ends their session at once", async ({
  page,
  browser,
}, testInfo) => {
  const email = uniqueEmail("invitee");
  await signInWithApi(page.request, USERS.admin);
  await page.goto("/settings/users");

  // Invite with a one-time password; it is shown once.
  const invite = page.locator("form").filter({ has: page.getByLabel("E-mail") });
  await expect(page.getByRole("heading", { name: "Invite a user" })).toBeVisible();
  await invite.getByLabel("E-mail").fill(email);
  await invite.getByLabel("Role").selectOption("analyst");
  await invite.getByLabel("Signs in with").selectOption({ label: "One-time password" });
  await invite.getByRole("button", { name: "Invite" }).click();
  const status = page.getByRole("status").filter({ hasText: `Invited ${email}.` });
  await expect(status).toBeVisible();
  const password = (await status.locator("code").textContent())?.trim() ?? "";
  expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
  const row = page.getByTestId(`user-row-${email}`);
  await expect(row).toContainText("password");
  await expect(row).toContainText("active");

  // The invited user signs in in a browser of their own.
  const invitee = await newContext(browser);
  try {
    const inviteePage = await invitee.newPage();
    await signInWithForm(inviteePage, email, password);
    await expectDashboard(inviteePage);
    await expect(inviteePage.getByRole("button", { name: "Account menu" })).toContainText(email);

    // The admin disables them.
    await page.reload();
    await expect(row.getByRole("cell").nth(4)).toHaveText("1"); // one active session
    await row.getByRole("button", { name: "Disable" }).click();
    await expect(page.getByRole("status").filter({ hasText: "User disabled; their sessions have ended." })).toBeVisible();
    await expect(row).toContainText("disabled");
    await expect(row.getByRole("button", { name: "Enable" })).toBeVisible();

    // Their very next request is refused; the cookie they still hold is worthless.
    await inviteePage.goto("/");
    await expectSignInPage(inviteePage);
    expect((await invitee.request.get("/api/v1/me")).status()).toBe(401);
    const [user] = await sql<{ disabled: boolean; open_sessions: number }>(
      `SELECT u.disabled_at IS NOT NULL AS disabled,
              (SELECT count(*)::int FROM sessions s WHERE s.user_id = u.id AND s.revoked_at IS NULL) AS open_sessions
         FROM users u WHERE u.email = $1`,
      [email],
    );
    expect(user).toEqual({ disabled: true, open_sessions: 0 });
  } finally {
    await invitee.close();
  }

  // The audit log shows the invitation and the disabling, and its chain verifies.
  await page.goto("/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const disabled = page.getByRole("row").filter({ hasText: "user.disabled" }).filter({ hasText: email });
  await expect(disabled).toHaveCount(1);
  await expect(disabled).toContainText(USERS.admin);
  await expect(page.getByRole("row").filter({ hasText: "user.invited" }).filter({ hasText: email })).toHaveCount(1);
  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Chain intact: \d+ events verified/ })).toBeVisible();
  await saveScreenshot(page, testInfo, "audit.png");
});
