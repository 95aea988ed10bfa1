import { expect, test } from "@playwright/test";
import { importDemo, lastAuditId, saveScreenshot, signInWithApi, sql } from "./support/app";
import { USERS } from "./support/settings";

/*
 * A tour of every page on the demo organisation, as a security analyst would take it (issue 8):
 * the dashboard, the inventory (filter, sort, page), a detail page with its blast-radius graph,
 * the findings (accept one), the audit log (verify the chain) and the sources. Each page's
 * screenshot is kept as a test artifact. The demo is imported with `keyward import` into the
 * run's database with the server's own instance keys, as `npm start` loads it.
 */

test.beforeAll(importDemo);

test("an analyst tours the demo organisation: dashboard, inventory, detail, findings, audit log, sources", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await signInWithApi(page.request, USERS.analyst);

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await saveScreenshot(page, testInfo, "dashboard.png");

  // Inventory: filter to access keys, sort by name descending, then the next page of everything.
  await page.goto("/inventory");
  await page.getByLabel("Type", { exact: true }).selectOption("access_key");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/type=access_key/);
  const table = page.getByRole("table");
  const typeCells = table.getByRole("row").locator("td:nth-child(3)");
  await expect(typeCells.first()).toHaveText("access_key");
  await page.getByRole("columnheader", { name: "Name" }).getByRole("button").click();
  await expect(page).toHaveURL(/dir=desc/);
  await saveScreenshot(page, testInfo, "inventory.png");
  await page.goto("/inventory");
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(table.getByRole("row").nth(1)).toBeVisible();

  // A detail page with its blast radius: the first identity of the list.
  await page.goto("/inventory?kind=identities");
  await table.getByRole("row").nth(1).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/inventory\/identities\//);
  await expect(page.getByRole("region", { name: "Blast radius" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Owner" })).toBeVisible();
  await saveScreenshot(page, testInfo, "identity-detail.png");

  // Findings: accept the risk of the first open one, with a justification and an end date.
  const since = await lastAuditId();
  await page.goto("/findings");
  const firstRow = page.getByRole("table").last().getByRole("row").nth(1);
  await firstRow.getByRole("button", { name: "Accept risk" }).click();
  const dialog = page.getByRole("dialog", { name: "Accept the risk" });
  await dialog.getByRole("button", { name: "Accept risk" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Choose the last day of the acceptance.");
  await dialog.getByLabel("Justification").fill("Compensating control: the key only reaches a sandbox account.");
  const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await dialog.getByLabel("Accepted until (last day)").fill(until);
  await dialog.getByRole("button", { name: "Accept risk" }).click();
  await expect(dialog.getByText(`Risk accepted until ${until}`)).toBeVisible();
  await saveScreenshot(page, testInfo, "findings.png");
  const accepted = await sql<{ action: string; actor_label: string }>(
    "SELECT action, actor_label FROM audit_events WHERE id > $1 AND action = 'finding.accepted'",
    [since],
  );
  expect(accepted).toEqual([{ action: "finding.accepted", actor_label: USERS.analyst }]);

  // The audit log verifies its own hash chain, including the acceptance just made.
  await page.context().clearCookies();
  await signInWithApi(page.request, USERS.auditor);
  await page.goto("/audit");
  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByText(/Chain intact: \d+ events verified/)).toBeVisible();
  await saveScreenshot(page, testInfo, "audit.png");

  await page.context().clearCookies();
  await signInWithApi(page.request, USERS.admin);
  await page.goto("/sources");
  await expect(page.getByRole("link", { name: /keyward-import/ })).toBeVisible();
  await saveScreenshot(page, testInfo, "sources.png");
});

test("an auditor reads the findings but is offered no triage", async ({ page }) => {
  await signInWithApi(page.request, USERS.auditor);
  await page.goto("/findings");
  await expect(page.getByRole("button", { name: "Accept risk" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Suppress" })).toHaveCount(0);
});
