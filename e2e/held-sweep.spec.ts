import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { runKeywardImport, saveScreenshot, signInWithApi, sql } from "./support/app";
import { USERS } from "./support/settings";

/*
 * A complete import that no longer lists half of a source's keys is held (nothing retired), and the
 * import says to approve it under Sources. An analyst sees the held sweep but no way to approve it;
 * an admin approves it in two steps and exactly those keys are marked gone.
 */

const suffix = randomUUID().slice(0, 8);
const SOURCE = `held-${suffix}`;
const keys = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ externalType: "keyward.credential", externalId: `key-${suffix}-${i}`, name: `held-key-${i}`, type: "api_key" }));

/** A complete import of the first n keys; its exit status and output. */
function importKeys(n: number): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyward-e2e-held-"));
  try {
    fs.writeFileSync(path.join(dir, "keys.json"), JSON.stringify({ keyward: "inventory/v1", credentials: keys(n) }));
    return runKeywardImport([dir, "--source", SOURCE, "--complete"]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const goneKeys = async () =>
  (await sql<{ n: number }>("SELECT count(*)::int AS n FROM credentials c JOIN sources s ON s.id = c.source_id WHERE s.name = $1 AND c.gone_since IS NOT NULL", [SOURCE]))[0]!.n;

test.beforeAll(() => {
  expect(importKeys(20).status).toBe(0);
  // 12 of 20 unseen: over the 15 % threshold, so held; the import exits 1 and says where to approve.
  const held = importKeys(8);
  expect(held.status).toBe(1);
  expect(held.output).toContain("marking 12 of 20 keyward.credential records gone is held for review (approve it under Sources)");
});

test("an admin approves a held sweep on the source's page; an analyst cannot", async ({ browser }, testInfo) => {
  const [source] = await sql<{ id: string }>("SELECT id::text FROM sources WHERE name = $1", [SOURCE]);
  expect(await goneKeys()).toBe(0);

  const analystContext = await browser.newContext();
  const analystPage = await analystContext.newPage();
  await signInWithApi(analystPage.request, USERS.analyst);
  await analystPage.goto(`/sources/${source!.id}`);
  await expect(analystPage.getByText("Sweep held for review: nothing was retired.")).toBeVisible();
  await expect(analystPage.getByText("keyward.credential in")).toContainText("would retire 12 of 20");
  await expect(analystPage.getByRole("button", { name: "Approve sweep…" })).toHaveCount(0);
  await analystContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithApi(page.request, USERS.admin);
  await page.goto(`/sources/${source!.id}`);
  await page.getByRole("button", { name: "Approve sweep…" }).click();
  await expect(page.getByText("Mark these 12 records gone?")).toBeVisible();
  await saveScreenshot(page, testInfo, "source-held-sweep.png");
  await page.getByRole("button", { name: "Retire 12 records" }).click();
  // The panel re-reads the run: the held box gives way to who approved it and what it retired.
  await expect(page.getByText(`Held sweep approved by ${USERS.admin}`)).toContainText("its 12 records were retired.");
  await expect(page.getByText("Sweep held for review")).toHaveCount(0);
  expect(await goneKeys()).toBe(12);
  const [event] = await sql<{ actor_label: string }>(
    "SELECT actor_label FROM audit_events WHERE action = 'sync.sweep_approved' AND target_id = $1",
    [source!.id],
  );
  expect(event?.actor_label).toBe(USERS.admin);
  await context.close();
});
