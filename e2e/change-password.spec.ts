import { expect, test } from "@playwright/test";
import { expectDashboard, lastAuditId, newContext, signInWithForm, sql, uniqueEmail } from "./support/app";
import { PASSWORD, USERS } from "./support/settings";

test("a user changes their password: field errors first, then the new password works and the old one does not", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("pw-change");
  // A fresh owner who shares the seeded password (copying its hash avoids hashing in the test).
  await sql(
    `INSERT INTO users (id, email, role, password_hash) SELECT gen_random_uuid(), $1, 'owner', password_hash FROM users WHERE email = $2`,
    [email, USERS.owner],
  );
  const auditBefore = await lastAuditId();
  await signInWithForm(page, email, PASSWORD);
  await expectDashboard(page);

  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Change password" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

  const form = page.locator("form");
  const fill = async (current: string, next: string, again: string) => {
    await form.getByLabel("Current password").fill(current);
    await form.getByLabel("New password (at least 12 characters)").fill(next);
    await form.getByLabel("New password again").fill(again);
    await form.getByRole("button", { name: "Change password" }).click();
  };

  await fill(PASSWORD, "short", "short");
  await expect(page.locator("#newPassword-error")).toHaveText("Use at least 12 characters.");
  await fill(PASSWORD, "a-New-Password-2026", "a-New-Password-2027");
  await expect(page.locator("#confirmPassword-error")).toHaveText("The two new passwords differ.");
  await fill("not-my-password", "a-New-Password-2026", "a-New-Password-2026");
  await expect(page.locator("#currentPassword-error")).toHaveText("Your current password is not correct.");
  await fill(PASSWORD, "a-New-Password-2026", "a-New-Password-2026");
  await expect(page.getByRole("status")).toHaveText("Password changed.");

  const other = await newContext(browser);
  const second = await other.newPage();
  await signInWithForm(second, email, PASSWORD);
  await expect(second.getByText("Wrong e-mail or password")).toBeVisible();
  await signInWithForm(second, email, "a-New-Password-2026");
  await expectDashboard(second);
  await other.close();

  const events = await sql<{ action: string }>(
    `SELECT action FROM audit_events WHERE id > $1 AND target_id = (SELECT id::text FROM users WHERE email = $2) ORDER BY id`,
    [auditBefore, email],
  );
  expect(events.map((e) => e.action)).toContain("user.password_changed");
});
