import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { keywardImport, signInWithApi, sql } from "./support/app";
import { USERS } from "./support/settings";

/*
 * Names, tags and file paths come from the files and APIs of the sources, so from anyone who can
 * name a service account or commit a file: they must reach the page as text. An inventory file
 * full of markup is imported with `keyward import`, then every page that shows those fields is
 * opened; a script that ran would open a dialog, injected markup would create elements.
 */

const suffix = randomUUID().slice(0, 8);
const NAME = `<img src=x onerror=alert(1)>-${suffix}`;
const TAG_KEY = `<script>alert(2)</script>`;
const TAG_VALUE = `<b onmouseover=alert(3)>bold</b>`;
const FILE_PATH = `config/<svg onload=alert(4)>/${suffix}.env`;
const SOURCE = `xss-${suffix}`;

test.beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyward-e2e-xss-"));
  try {
    const inventory = {
      keyward: "inventory/v1",
      identities: [
        { externalType: "keyward.identity", externalId: `svc-${suffix}`, name: NAME, type: "service_account", tags: { [TAG_KEY]: TAG_VALUE } },
      ],
      credentials: [
        {
          externalType: "keyward.credential",
          externalId: `key-${suffix}`,
          name: `key-${suffix}"><script>alert(5)</script>`,
          type: "api_key",
          identityRef: { externalType: "keyward.identity", externalId: `svc-${suffix}` },
          locations: [{ source: "code", path: FILE_PATH, line: 3, commit: "9f2c4e1" }],
        },
      ],
    };
    fs.writeFileSync(path.join(dir, "hostile.json"), JSON.stringify(inventory));
    keywardImport(dir, "--source", SOURCE);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("markup in imported names, tags and file paths renders as text on every page that shows it", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signInWithApi(page.request, USERS.analyst);
  const [identity] = await sql<{ id: string }>("SELECT i.id::text FROM identities i JOIN sources s ON s.id = i.source_id WHERE s.name = $1", [SOURCE]);
  // Nothing ran, and none of the payloads became an element.
  const expectInert = async () => {
    expect(dialogs).toEqual([]);
    expect(await page.locator("img[src=x], svg[onload], b[onmouseover]").count()).toBe(0);
  };
  const [credential] = await sql<{ id: string }>("SELECT c.id::text FROM credentials c JOIN sources s ON s.id = c.source_id WHERE s.name = $1", [SOURCE]);

  await page.goto(`/inventory?kind=identities&q=${suffix}`);
  await expect(page.getByRole("link", { name: NAME })).toBeVisible();
  await expectInert();

  await page.goto(`/inventory/identities/${identity!.id}`);
  await expect(page.getByRole("heading", { level: 1, name: NAME })).toBeVisible();
  await expect(page.getByText(TAG_KEY, { exact: true })).toBeVisible();
  await expect(page.getByText(TAG_VALUE, { exact: true })).toBeVisible();
  await expectInert();

  await page.goto(`/inventory/credentials/${credential!.id}`);
  await expect(page.getByText(FILE_PATH).first()).toBeVisible();
  await expectInert();

  await page.goto(`/inventory?q=${suffix}`);
  await expect(page.getByRole("link", { name: `key-${suffix}"><script>alert(5)</script>` })).toBeVisible();
  await expectInert();
});
