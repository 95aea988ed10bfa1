import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { importDemo, lastAuditId, saveScreenshot, signInWithApi, sql } from "./support/app";
import { USERS } from "./support/settings";

/*
 * "Assign owner" on the inventory selection (issue 8), on the demo organisation: an analyst gives
 * two AWS IAM users a new owner in one go, sees the confirmation, the owner column and the
 * identity's page; a person who left and a malformed e-mail are refused next to the field. On the
 * credentials view the owner goes to the credentials' identities, and those without one are
 * counted as skipped.
 */

const NEW_OWNER = "sofia.rossi@acme.example";
const DEPARTED = "raj.patel@acme.example";

test.beforeAll(importDemo);

async function demoIdentity(name: string): Promise<string> {
  const rows = await sql<{ id: string }>("SELECT id::text FROM identities WHERE name = $1 AND type = 'iam_user' AND gone_since IS NULL", [name]);
  expect(rows, `exactly one demo IAM user named ${name}`).toHaveLength(1);
  return rows[0]!.id;
}

const rowOf = (page: Page, name: string) => page.getByRole("table").getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });

test("an analyst assigns an owner to two identities of the demo at once", async ({ page }, testInfo) => {
  const [ciUploader, qaAutomation] = [await demoIdentity("ci-uploader"), await demoIdentity("qa-automation")];
  await signInWithApi(page.request, USERS.analyst);
  const since = await lastAuditId();
  await page.goto("/inventory?kind=identities&type=iam_user");
  const assign = page.getByRole("button", { name: "Assign owner" });
  await expect(assign).toBeDisabled();

  await page.getByLabel("Select ci-uploader", { exact: true }).check();
  await page.getByLabel("Select qa-automation", { exact: true }).check();
  await expect(page.getByText("2 selected")).toBeVisible();
  await assign.click();
  const dialog = page.getByRole("dialog", { name: "Assign an owner" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText("2 identities selected.")).toBeVisible();
  await expect(dialog.getByLabel("Owner e-mail", { exact: true })).toBeFocused();
  await dialog.getByLabel("Owner e-mail", { exact: true }).fill(NEW_OWNER);
  await dialog.getByLabel("Note (optional)").fill("Payments took these over (INC-77)");
  await saveScreenshot(page, testInfo, "bulk-assign-owner-dialog.png");
  await dialog.getByRole("button", { name: "Set owner" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Owner set for 2 identities." })).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Select rows for bulk actions.")).toBeVisible();
  await expect(page.getByLabel("Select ci-uploader", { exact: true })).not.toBeChecked();
  await expect(rowOf(page, "ci-uploader")).toContainText(NEW_OWNER);
  await expect(rowOf(page, "qa-automation")).toContainText(NEW_OWNER);
  await saveScreenshot(page, testInfo, "bulk-assign-owner-done.png");

  const events = await sql<{ summary: { identityIds: string[]; ownerEmail: string } }>(
    "SELECT summary FROM audit_events WHERE id > $1 AND action = 'ownership.assigned'",
    [since],
  );
  expect(events).toHaveLength(1);
  expect(events[0]!.summary.ownerEmail).toBe(NEW_OWNER);
  expect([...events[0]!.summary.identityIds].sort()).toEqual([ciUploader, qaAutomation].sort());

  await page.goto(`/inventory/identities/${qaAutomation}`);
  const owner = page.getByRole("region", { name: "Owner" });
  await expect(owner.getByText(`Owned by ${NEW_OWNER}`)).toBeVisible();
  await expect(owner.getByText(/Assigned by analyst@e2e\.test .* Payments took these over \(INC-77\)/)).toBeVisible();
});

test("a person who left and a malformed e-mail are refused next to the field, and nothing changes", async ({ page }) => {
  const backupAgent = await demoIdentity("backup-agent");
  await signInWithApi(page.request, USERS.analyst);
  const since = await lastAuditId();
  await page.goto("/inventory?kind=identities&type=iam_user");
  await page.getByLabel("Select backup-agent", { exact: true }).check();
  await page.getByRole("button", { name: "Assign owner" }).click();
  const dialog = page.getByRole("dialog", { name: "Assign an owner" });
  const ownerField = dialog.getByLabel("Owner e-mail", { exact: true });

  // Checked in the browser before anything is sent.
  await ownerField.fill("not-an-email");
  await dialog.getByRole("button", { name: "Set owner" }).click();
  await expect(ownerField).toHaveAttribute("aria-invalid", "true");
  await expect(ownerField).toHaveAccessibleDescription("The owner's e-mail address is not valid.");

  // Only the people directory knows who left: the server refuses, naming the field.
  await ownerField.fill(DEPARTED);
  await dialog.getByRole("button", { name: "Set owner" }).click();
  await expect(ownerField).toHaveAccessibleDescription(`${DEPARTED} has left the organisation, says the people directory.`);
  await expect(ownerField).toBeFocused();
  await expect(dialog).toBeVisible();

  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(await sql("SELECT 1 FROM owner_assignments WHERE identity_id = $1", [backupAgent])).toHaveLength(0);
  expect(await sql("SELECT 1 FROM audit_events WHERE id > $1 AND action LIKE 'ownership.%'", [since])).toHaveLength(0);
});

test("on the credentials view the owner goes to their identities; credentials without one are skipped", async ({ page }) => {
  const suffix = randomUUID().slice(0, 8);
  const provider = `e2e${suffix}`;
  const source = randomUUID();
  const identity = randomUUID();
  const node = "scope, external_type, external_id, content_hash, last_seen_generation";
  await sql(`INSERT INTO sources (id, provider, name) VALUES ($1, $2, $3)`, [source, provider, `src-${suffix}`]);
  await sql(`INSERT INTO identities (id, source_id, name, type, status, ${node}) VALUES ($1, $2, $3, 'iam_user', 'active', 's', 'e2e.user', $3, 'h', 1)`, [
    identity,
    source,
    `svc-${suffix}`,
  ]);
  const keys = [
    ["linked-a", identity],
    ["linked-b", identity],
    ["stray-a", null],
    ["stray-b", null],
    ["stray-c", null],
  ] as const;
  for (const [name, identityId] of keys) {
    await sql(`INSERT INTO credentials (id, source_id, name, type, status, identity_id, ${node}) VALUES ($1, $2, $3, 'access_key', 'active', $4, 's', 'e2e.key', $3, 'h', 1)`, [
      randomUUID(),
      source,
      `${name}-${suffix}`,
      identityId,
    ]);
  }

  await signInWithApi(page.request, USERS.analyst);
  await page.goto(`/inventory?source=${provider}`);
  await page.getByLabel("Select all rows on this page").check();
  await expect(page.getByText("5 selected")).toBeVisible();
  await page.getByRole("button", { name: "Assign owner" }).click();
  const dialog = page.getByRole("dialog", { name: "Assign an owner" });
  await expect(dialog.getByText(/^5 credentials selected\. The owner is set on the identities they belong to/)).toBeVisible();
  await dialog.getByLabel("Owner e-mail", { exact: true }).fill(NEW_OWNER);
  await dialog.getByRole("button", { name: "Set owner" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Owner set for 1 identity. 3 credentials have no identity and were skipped." })).toBeVisible();
  await expect(rowOf(page, `linked-a-${suffix}`)).toContainText(NEW_OWNER);
  await expect(rowOf(page, `stray-a-${suffix}`)).not.toContainText(NEW_OWNER);
  expect(await sql<{ owner_email: string }>("SELECT owner_email FROM owner_assignments WHERE identity_id = $1", [identity])).toEqual([{ owner_email: NEW_OWNER }]);
});

test("an owner sees Assign owner disabled, with the reason", async ({ page }) => {
  const suffix = randomUUID().slice(0, 8);
  const source = randomUUID();
  await sql(`INSERT INTO sources (id, provider, name) VALUES ($1, $2, $3)`, [source, `e2e${suffix}`, `src-${suffix}`]);
  await sql(
    `INSERT INTO identities (id, source_id, name, type, status, owner_hint, scope, external_type, external_id, content_hash, last_seen_generation)
     VALUES ($1, $2, $3, 'iam_user', 'active', $4::jsonb, 's', 'e2e.user', $3, 'h', 1)`,
    [randomUUID(), source, `mine-${suffix}`, JSON.stringify({ email: USERS.owner, provenance: "aws.tag:owner" })],
  );
  await signInWithApi(page.request, USERS.owner);
  await page.goto(`/inventory?kind=identities&source=e2e${suffix}`);
  await page.getByLabel(`Select mine-${suffix}`, { exact: true }).check();
  const assign = page.getByRole("button", { name: "Assign owner" });
  await expect(assign).toBeDisabled();
  await expect(assign).toHaveAccessibleDescription("Your role cannot assign owners (inventory:write).");
  await expect(page.getByText("Your role cannot assign owners (inventory:write).")).toBeVisible();
});
