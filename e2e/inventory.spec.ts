import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { lastAuditId, saveScreenshot, signInWithApi, sql } from "./support/app";
import { USERS } from "./support/settings";

/*
 * The inventory page: URL-driven filters, sort and pages, saved views, the selection export, the
 * owner's narrowing, and names rendered as text. Each test seeds its own source (unique provider)
 * so it can filter to exactly its rows.
 */

type Seeded = { provider: string; suffix: string; keyIds: string[] };

async function seed(keys = 3): Promise<Seeded> {
  const suffix = randomUUID().slice(0, 8);
  const provider = `e2e${suffix}`;
  const source = randomUUID();
  const node = "scope, external_type, external_id, content_hash, last_seen_generation";
  await sql(`INSERT INTO sources (id, provider, name) VALUES ($1, $2, $3)`, [source, provider, `src-${suffix}`]);
  const mine = randomUUID();
  await sql(
    `INSERT INTO identities (id, source_id, name, type, status, owner_hint, ${node}) VALUES ($1, $2, $3, 'iam_user', 'active', $4::jsonb, 's', 'e2e.user', $3, 'h', 1)`,
    [mine, source, `<img src=x onerror=alert(1)>-${suffix}`, JSON.stringify({ email: USERS.owner, provenance: "aws.tag:owner" })],
  );
  const keyIds: string[] = [];
  for (let n = 0; n < keys; n += 1) {
    const id = randomUUID();
    keyIds.push(id);
    await sql(
      `INSERT INTO credentials (id, source_id, name, type, status, identity_id, expires_at, ${node})
       VALUES ($1, $2, $3, 'access_key', 'active', $4, now() + make_interval(days => $5::int), 's', 'e2e.key', $3, 'h', 1)`,
      [id, source, `key-${n}-${suffix}`, n === 0 ? mine : null, 10 + n * 100],
    );
  }
  return { provider, suffix, keyIds };
}

test("an analyst filters, sorts and pages through the inventory from the URL", async ({ page }, testInfo) => {
  const s = await seed();
  await signInWithApi(page.request, USERS.analyst);
  await page.goto(`/inventory?source=${s.provider}&expiry=30d`);
  await expect(page.getByRole("heading", { level: 1, name: "Inventory" })).toBeVisible();
  const table = page.getByRole("table");
  await expect(table.getByRole("link", { name: `key-0-${s.suffix}` })).toBeVisible();
  await expect(table.getByRole("link", { name: `key-1-${s.suffix}` })).toHaveCount(0);
  await expect(page.getByText("1 shown of 1 matching")).toBeVisible();

  await page.goto(`/inventory?source=${s.provider}`);
  await page.getByRole("columnheader", { name: "Expires" }).getByRole("button").click();
  await expect(page).toHaveURL(new RegExp(`sort=expires`));
  await page.getByRole("columnheader", { name: "Expires" }).getByRole("button").click();
  await expect(page).toHaveURL(/dir=desc/);
  await expect(table.getByRole("row").nth(1)).toContainText(`key-2-${s.suffix}`);
  await saveScreenshot(page, testInfo, "inventory.png");
});

test("invalid parameters fall back to defaults instead of failing", async ({ page }) => {
  await signInWithApi(page.request, USERS.analyst);
  const response = await page.goto("/inventory?kind=robots&status=deleted&after=garbage&sort=owner");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/inventory$/);
});

test("a saved view is a link back to the filtered list, and its creation is audited", async ({ page }) => {
  const s = await seed(1);
  await signInWithApi(page.request, USERS.analyst);
  const since = await lastAuditId();
  await page.goto(`/inventory?source=${s.provider}`);
  await page.locator("summary", { hasText: "Saved views" }).click();
  await page.getByLabel("Save this view as").fill(`view-${s.suffix}`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("link", { name: `view-${s.suffix}` })).toBeVisible();
  const events = await sql<{ action: string }>("SELECT action FROM audit_events WHERE id > $1 AND action = 'inventory.view_saved'", [since]);
  expect(events).toHaveLength(1);
  await page.goto("/inventory");
  await page.locator("summary", { hasText: "Saved views" }).click();
  await page.getByRole("link", { name: `view-${s.suffix}` }).click();
  await expect(page).toHaveURL(new RegExp(`source=${s.provider}`));
});

test("names render as text, and owners see only what they own", async ({ page }) => {
  const s = await seed(2);
  await signInWithApi(page.request, USERS.owner);
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await page.goto(`/inventory?kind=identities&source=${s.provider}`);
  await expect(page.getByRole("heading", { name: "My identities" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My identities" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("link", { name: `<img src=x onerror=alert(1)>-${s.suffix}` })).toBeVisible();
  expect(dialogs).toBe(0);
  await page.goto(`/inventory?source=${s.provider}`);
  await expect(page.getByRole("link", { name: `key-0-${s.suffix}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `key-1-${s.suffix}` })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Export selection/ })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Assign owner" })).toBeDisabled();
});

test("an analyst exports the selected rows as CSV", async ({ page }) => {
  const s = await seed(2);
  await signInWithApi(page.request, USERS.analyst);
  await page.goto(`/inventory?source=${s.provider}`);
  await page.getByLabel(`Select key-1-${s.suffix}`).check();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export selection as CSV" }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray();
  const csv = Buffer.concat(text as Buffer[]).toString("utf8");
  expect(csv).toContain(`key-1-${s.suffix}`);
  expect(csv).not.toContain(`key-0-${s.suffix}`);
});
