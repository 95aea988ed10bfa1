import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { importDemo, saveScreenshot, signInWithApi, sql } from "./support/app";
import { USERS } from "./support/settings";

/*
 * An access-review campaign on the demo organisation (issue 9): an analyst gives three Vault
 * AppRoles to the e2e owner, creates a campaign over the demo's AppRoles and activates it; the
 * owner sees only their three items, decides two in bulk with a comment and delegates the third;
 * the analyst closes the campaign, the default action (revoke) applies to every undecided item,
 * and the evidence PDF lists every decision.
 */

const SECURITY_QUEUE = "security-queue@e2e.test";
const DELEGATE = "sam.taylor@acme.example";
const COMMENT = "Still used by the payments deploy; rotating after the CI log leak.";

test.beforeAll(importDemo);

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ("str" in i ? i.str : "")).join(" "));
  }
  return pages.join("\n");
}

/** Table cells wrap (and may hyphenate) in the PDF: compare without whitespace and hyphens. */
const squash = (text: string) => text.replace(/[\s-]+/g, "");

async function switchUser(page: Page, email: string): Promise<void> {
  await page.context().clearCookies();
  await signInWithApi(page.request, email);
}

test("an analyst runs a campaign on the demo organisation; an owner decides in bulk and delegates; the evidence PDF lists every decision", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  // The demo's Vault AppRoles (the demo is one Keyward-format import, so a type picks them out).
  const vault = await sql<{ id: string; name: string }>(
    `SELECT id::text, name FROM identities WHERE type = 'vault_approle' AND gone_since IS NULL ORDER BY name`,
  );
  expect(vault.length).toBeGreaterThanOrEqual(4);
  const mine = vault.slice(0, 3);
  const others = vault.slice(3);

  // The analyst makes the e2e owner the owner of three AppRoles, on each identity's page.
  await signInWithApi(page.request, USERS.analyst);
  for (const identity of mine) {
    await page.goto(`/inventory/identities/${identity.id}`);
    const ownerSection = page.getByRole("region", { name: "Owner" });
    const ownerField = ownerSection.getByLabel("Owner e-mail", { exact: true });
    // The form is folded away when an owner is known and open when none is.
    if (!(await ownerField.isVisible())) await ownerSection.getByText("Assign an owner").click();
    await ownerField.fill(USERS.owner);
    await ownerSection.getByRole("button", { name: "Assign owner" }).click();
    // The confirmation is in the DOM; after the refresh it can be momentarily hidden, so assert presence (the inbox later proves the ownership).
    await expect(ownerSection.getByText(`${USERS.owner} now owns 1 identity`)).toHaveCount(1);
  }

  // A campaign over the demo Vault source; the form names a missing field before anything is saved.
  await page.goto("/campaigns");
  await page.getByRole("link", { name: "New campaign" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New campaign" })).toBeVisible();
  const form = page.getByRole("form", { name: "New campaign" });
  const name = `Vault AppRoles review ${testInfo.testId.slice(0, 6)}`;
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Identity types").fill("vault_approle");
  await form.getByLabel("At close, undecided items get").selectOption("revoke");
  await form.getByRole("button", { name: "Create draft" }).click();
  await expect(page.locator("#campaign-securityQueue-error")).toHaveText("must be an e-mail address");
  await form.getByLabel("Security queue e-mail").fill(SECURITY_QUEUE);
  await form.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
  const campaignUrl = page.url();
  const campaignId = campaignUrl.split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("draft", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Activate", exact: true }).click();
  await page.getByRole("dialog", { name: "Activate the campaign" }).getByRole("button", { name: "Activate campaign" }).click();
  await expect(page.getByText("active", { exact: true })).toBeVisible();
  await expect(page.getByRole("table", { name: "Campaign items" }).getByRole("row")).toHaveCount(vault.length + 1);
  await saveScreenshot(page, testInfo, "campaign-active.png");

  // The owner sees their three items and nothing else.
  await switchUser(page, USERS.owner);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My reviews" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My reviews" })).toBeVisible();
  const inbox = page.getByRole("table", { name: "Items to review" });
  await expect(inbox.getByRole("row")).toHaveCount(mine.length + 1);
  for (const identity of mine) await expect(inbox.getByRole("link", { name: identity.name, exact: true })).toBeVisible();
  for (const identity of others) await expect(inbox.getByText(identity.name, { exact: true })).toHaveCount(0);
  expect((await page.request.get(`/api/v1/campaigns/${campaignId}/evidence?format=csv`)).status()).toBe(403);

  // Two in bulk: rotate, with a comment.
  await page.getByLabel(`Select ${mine[0]!.name}`, { exact: true }).check();
  await page.getByLabel(`Select ${mine[1]!.name}`, { exact: true }).check();
  const decideForm = page.getByRole("form", { name: "Decide the selected items" });
  await decideForm.getByLabel("Decision").selectOption("rotate");
  await decideForm.getByLabel("Comment").fill(COMMENT);
  await decideForm.getByRole("button", { name: "Decide 2 items" }).click();
  await expect(decideForm.getByText("Decided 2 items: rotate.")).toBeVisible();
  await expect(inbox.getByRole("row")).toHaveCount(2);
  await saveScreenshot(page, testInfo, "my-reviews.png");

  // The third goes to a colleague, and leaves the owner's inbox.
  await inbox.getByRole("row").filter({ has: page.getByRole("link", { name: mine[2]!.name, exact: true }) }).getByRole("button", { name: "Delegate" }).click();
  const dialog = page.getByRole("dialog", { name: `Delegate ${mine[2]!.name}` });
  await dialog.getByLabel("Delegate to (e-mail)").fill(DELEGATE);
  await dialog.getByLabel("Comment (optional)").fill("Sam runs this AppRole now.");
  await dialog.getByRole("button", { name: "Delegate" }).click();
  await expect(page.getByText("Nothing to review")).toBeVisible();
  await page.getByRole("link", { name: "Decided" }).click();
  await expect(inbox.getByRole("row")).toHaveCount(3);

  // The analyst closes it: everything undecided (the delegated item included) gets revoke.
  await switchUser(page, USERS.analyst);
  await page.goto(campaignUrl);
  await page.getByRole("button", { name: "Close", exact: true }).click();
  const closeDialog = page.getByRole("dialog", { name: "Close the campaign" });
  await closeDialog.getByLabel("Sign-off statement (part of the evidence)").fill("Reviewed with the platform team.");
  await closeDialog.getByRole("button", { name: "Close campaign" }).click();
  await expect(page.getByText("closed", { exact: true })).toBeVisible();
  const items = page.getByRole("table", { name: "Campaign items" });
  const itemRow = (identityName: string) => items.getByRole("row").filter({ has: page.getByRole("link", { name: identityName, exact: true }) });
  await expect(itemRow(mine[2]!.name)).toContainText("revoke (default)");
  await expect(itemRow(mine[0]!.name)).toContainText(COMMENT);
  await saveScreenshot(page, testInfo, "campaign-closed.png");

  const stored = await sql<{ identity_name: string; decision: string; decided_by: string; decided_by_default: boolean; reviewer_email: string }>(
    `SELECT identity_name, decision, decided_by, decided_by_default, reviewer_email FROM campaign_items WHERE campaign_id = $1::uuid ORDER BY identity_name`,
    [campaignId],
  );
  expect(stored).toHaveLength(vault.length);
  for (const row of stored) {
    const decidedByOwner = row.identity_name === mine[0]!.name || row.identity_name === mine[1]!.name;
    expect(row, row.identity_name).toMatchObject(decidedByOwner ? { decision: "rotate", decided_by: USERS.owner, decided_by_default: false } : { decision: "revoke", decided_by_default: true });
  }
  expect(stored.find((r) => r.identity_name === mine[2]!.name)?.reviewer_email).toBe(DELEGATE);

  // The evidence PDF downloads and lists every decision: who, when, why.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Evidence PDF" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^evidence-.*\.pdf$/);
  const bytes = fs.readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const text = squash(await pdfText(bytes));
  expect(text).toContain(squash(`Access review evidence: ${name}`));
  expect(text).toContain(squash("Reviewed with the platform team."));
  const decided = await sql<{ identity_name: string; decision: string; decided_by: string; decided_at: Date; comment: string | null; decided_by_default: boolean }>(
    `SELECT identity_name, decision, decided_by, decided_at, comment, decided_by_default FROM campaign_items WHERE campaign_id = $1::uuid`,
    [campaignId],
  );
  for (const row of decided) {
    expect(text, row.identity_name).toContain(squash(row.identity_name));
    expect(text).toContain(squash(row.decided_by));
    expect(text).toContain(squash(`${row.decision}${row.decided_by_default ? " (default action)" : ""}`));
    const at = row.decided_at.toISOString();
    expect(text).toContain(squash(`${at.slice(0, 10)} ${at.slice(11, 16)} UTC`));
    if (row.comment) expect(text).toContain(squash(row.comment));
  }
  expect(text).toMatch(/[0-9a-f]{64}items\.csv/);
});
