import { expect, test } from "@playwright/test";
import { lastAuditId, saveScreenshot, signInWithApi, sql } from "./support/app";
import { USERS } from "./support/settings";

/*
 * Settings → Policies: an admin overrides a rule's threshold for one environment, sees it in the
 * table, resets it, and each change is audited; other roles cannot open the page.
 */

const RULE = "credential-max-age";

async function thresholdsOf(rule: string) {
  return sql<{ key: string; environment: string; value: number; updated_by: string }>(
    "SELECT key, environment, value, updated_by FROM policy_thresholds WHERE rule = $1 ORDER BY key, environment",
    [rule],
  );
}

test("an admin sets a threshold for staging, sees it in the table and resets it, each change audited", async ({ page }, testInfo) => {
  const auditBefore = await lastAuditId();
  await signInWithApi(page.request, USERS.admin);

  // From the settings index to the policies page.
  await page.goto("/settings");
  await page.getByRole("link", { name: /Policies/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Policies" })).toBeVisible();
  await expect(page.getByText(/Catalogue version 1/)).toBeVisible();

  const row = page.getByTestId(`policy-row-${RULE}`);
  await expect(row).toContainText("Credential not rotated within the maximum age");
  await expect(row).toContainText("NHI7");
  await expect(row).toContainText("PR.AA-01"); // NIST CSF
  await expect(row).toContainText("CC6.1"); // SOC 2
  await expect(row).toContainText("8.3.9"); // PCI DSS
  await expect(row).toContainText("Art. 9(4)(d)"); // DORA
  await expect(row).toContainText("default prod 90 · non-prod 180 days");
  await expect(row).toContainText("no overrides");

  // Out of bounds: the value field says why, and nothing is written.
  await row.getByRole("button", { name: `Edit thresholds of ${RULE}` }).click();
  const dialog = page.getByRole("dialog", { name: `Thresholds of ${RULE}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Threshold", { exact: true })).toHaveValue("maxAgeDays");
  await dialog.getByLabel("Applies to").selectOption({ label: "Environment" });
  await dialog.getByLabel("Environment name").fill("Staging");
  const value = dialog.getByLabel("Value (days, 1–3650)");
  await value.fill("5000");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("maxAgeDays must be between 1 and 3650 days.");
  await expect(value).toHaveAttribute("aria-invalid", "true");
  expect(await thresholdsOf(RULE)).toEqual([]);

  // A valid value is saved for the environment (names are lower-cased).
  await value.fill("45");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByRole("status").first()).toHaveText(
    `maxAgeDays of ${RULE} for staging is now 45 days. This takes effect at the next evaluation.`,
  );
  await expect(dialog.getByRole("button", { name: "Evaluate now" })).toBeVisible();
  await saveScreenshot(page, testInfo, "policies-editor.png");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  const chip = row.getByRole("button", { name: "Edit maxAgeDays for staging: 45 days" });
  await expect(chip).toBeVisible();
  await expect(row).not.toContainText("no overrides");
  expect(await thresholdsOf(RULE)).toEqual([{ key: "maxAgeDays", environment: "staging", value: 45, updated_by: USERS.admin }]);
  await saveScreenshot(page, testInfo, "policies.png");

  // The override opens the editor on itself; Reset to default removes it.
  await chip.click();
  await expect(dialog.getByLabel("Environment name")).toHaveValue("staging");
  await expect(value).toHaveValue("45");
  await expect(dialog.getByText("Now 45 days (override).")).toBeVisible();
  await dialog.getByRole("button", { name: "Reset to default" }).click();
  await expect(dialog.getByRole("status").first()).toHaveText(
    `maxAgeDays of ${RULE} for staging is back to the default. This takes effect at the next evaluation.`,
  );
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(row).toContainText("no overrides");
  await expect(chip).toHaveCount(0);
  expect(await thresholdsOf(RULE)).toEqual([]);

  const events = await sql<{ actor_label: string; target_id: string; summary: unknown }>(
    "SELECT actor_label, target_id, summary FROM audit_events WHERE id > $1 AND action = 'policy.threshold_changed' ORDER BY id",
    [auditBefore],
  );
  expect(events).toEqual([
    { actor_label: USERS.admin, target_id: RULE, summary: { rule: RULE, key: "maxAgeDays", environment: "staging", unit: "days", before: null, after: 45 } },
    { actor_label: USERS.admin, target_id: RULE, summary: { rule: RULE, key: "maxAgeDays", environment: "staging", unit: "days", before: 45, after: null } },
  ]);

  // Evaluating on demand works from the page header.
  await page.getByRole("button", { name: "Evaluate now" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Evaluated: \d+ violations/ })).toBeVisible();
});

test("an analyst gets 403 on the policies page and sees none of it", async ({ page }) => {
  await signInWithApi(page.request, USERS.analyst);
  const response = await page.goto("/settings/policies");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("You do not have access")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Policies" })).toHaveCount(0);
  await expect(page.getByTestId(`policy-row-${RULE}`)).toHaveCount(0);
});
