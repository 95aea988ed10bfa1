import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { lastAuditId, saveScreenshot, signInWithApi, sql } from "./support/app";
import { USERS } from "./support/settings";

/*
 * Identity and credential detail with the blast radius. Each test seeds its own small graph (unique
 * names) straight into the run's database:
 *   owner's identity ──has_credential──▶ key ──same fingerprint──▶ copy (other source)
 *   owner's identity ──has_permission (admin)──▶ prod account
 *   stranger's identity (owned by someone else)
 */

type Seeded = { identity: string; key: string; copy: string; stranger: string; account: string; suffix: string };

async function seed(): Promise<Seeded> {
  const suffix = randomUUID().slice(0, 8);
  const [aws, github] = [randomUUID(), randomUUID()];
  const ids = { identity: randomUUID(), key: randomUUID(), copy: randomUUID(), stranger: randomUUID(), account: randomUUID() };
  const node = "scope, external_type, external_id, content_hash, last_seen_generation";
  await sql(`INSERT INTO sources (id, provider, name) VALUES ($1, 'aws', $3), ($2, 'github', $4)`, [aws, github, `aws-${suffix}`, `gh-${suffix}`]);
  await sql(
    `INSERT INTO identities (id, source_id, name, type, status, owner_hint, purpose, ${node}) VALUES
       ($1, $3, $4, 'iam_user', 'active', $5::jsonb, 'deploys the shop', 's', 'aws.iam_user', $4, 'h', 1),
       ($2, $3, $6, 'iam_user', 'active', '{"email":"someone@e2e.test","provenance":"aws.tag:owner"}', NULL, 's', 'aws.iam_user', $6, 'h', 1)`,
    [ids.identity, ids.stranger, aws, `deployer-${suffix}`, JSON.stringify({ email: USERS.owner, provenance: "aws.tag:owner" }), `stranger-${suffix}`],
  );
  await sql(
    `INSERT INTO credentials (id, source_id, name, type, status, identity_id, fingerprint, ${node}) VALUES
       ($1, $3, $4, 'access_key', 'active', $5, 'hmac-sha256:e2e${suffix}', 's', 'aws.access_key', $4, 'h', 1),
       ($2, $6, $7, 'ci_variable', 'active', NULL, 'hmac-sha256:e2e${suffix}', 's', 'github.secret', $7, 'h', 1)`,
    [ids.key, ids.copy, aws, `AKIA${suffix.toUpperCase()}`, ids.identity, github, `AWS_SECRET_${suffix}`],
  );
  await sql(`INSERT INTO resources (id, source_id, name, type, ${node}) VALUES ($1, $2, $3, 'cloud_account', 's', 'aws.account', $3, 'h', 1)`, [
    ids.account, aws, `prod-account-${suffix}`,
  ]);
  await sql(
    `INSERT INTO edges (source_id, scope, external_type, type, from_external_type, from_external_id, to_external_type, to_external_id,
                        from_id, to_id, level, content_hash, last_seen_generation) VALUES
       ($1, 's', 'edge:has_credential', 'has_credential', 'aws.iam_user', $2, 'aws.access_key', $3, $4, $5, NULL, 'h', 1),
       ($1, 's', 'edge:has_permission', 'has_permission', 'aws.iam_user', $2, 'aws.account', $6, $4, $7, 'admin', 'h', 1)`,
    [aws, `deployer-${suffix}`, `AKIA${suffix.toUpperCase()}`, ids.identity, ids.key, `prod-account-${suffix}`, ids.account],
  );
  return { ...ids, suffix };
}

test("an analyst reads an identity, its blast radius, and follows the graph to a credential", async ({ page }, testInfo) => {
  const s = await seed();
  await signInWithApi(page.request, USERS.analyst);
  const response = await page.goto(`/inventory/identities/${s.identity}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: `deployer-${s.suffix}` })).toBeVisible();
  await expect(page.getByText("deploys the shop")).toBeVisible();
  const ownerSection = page.getByRole("region", { name: "Owner" });
  await expect(ownerSection.getByText(`Owned by ${USERS.owner}`)).toBeVisible();
  await expect(ownerSection.getByText(`aws.tag:owner · aws-${s.suffix}`)).toBeVisible();
  const radius = page.getByRole("region", { name: "Blast radius" });
  await expect(radius.getByText(`prod-account-${s.suffix}`).first()).toBeVisible();
  await expect(radius.getByText("Admin", { exact: true })).toBeVisible();
  const graph = page.getByTestId("blast-radius-graph");
  await expect(graph.getByRole("link", { name: new RegExp(`AWS_SECRET_${s.suffix}`) })).toBeVisible();
  await saveScreenshot(page, testInfo, "identity-detail.png");

  // Depth 1 stops at the key and the account: the copy of the secret is two steps away.
  await radius.getByRole("link", { name: "1", exact: true }).click();
  await expect(page).toHaveURL(/depth=1/);
  await expect(graph.getByRole("link", { name: new RegExp(`AWS_SECRET_${s.suffix}`) })).toHaveCount(0);

  await graph.getByRole("link", { name: new RegExp(`AKIA${s.suffix.toUpperCase()}`) }).click();
  await expect(page).toHaveURL(new RegExp(`/inventory/credentials/${s.key}`));
  await expect(page.getByRole("region", { name: "Same secret elsewhere" }).getByText(`AWS_SECRET_${s.suffix}`)).toBeVisible();
});

test("an owner opens their own identity but gets a 404 for someone else's", async ({ page }) => {
  const s = await seed();
  await signInWithApi(page.request, USERS.owner);
  expect((await page.goto(`/inventory/identities/${s.identity}`))?.status()).toBe(200);
  expect((await page.goto(`/inventory/credentials/${s.key}`))?.status()).toBe(200);
  const denied = await page.goto(`/inventory/identities/${s.stranger}`);
  expect(denied?.status()).toBe(404);
  await expect(page.getByText(`stranger-${s.suffix}`)).toHaveCount(0);
  expect((await page.goto(`/inventory/identities/${randomUUID()}`))?.status()).toBe(404);
});

test("GET /api/v1/blast-radius answers the graph, 404 outside an owner's reach, 400 for a bad id", async ({ page }) => {
  const s = await seed();
  await signInWithApi(page.request, USERS.auditor);
  const ok = await page.request.get(`/api/v1/blast-radius?start=${s.key}&depth=2`);
  expect(ok.status()).toBe(200);
  const body = (await ok.json()) as { nodes: { id: string }[]; capped: boolean; graph: { nodes: { x: number }[] } };
  expect(body.nodes.map((n) => n.id).sort()).toEqual([s.identity, s.key, s.copy, s.account].sort());
  expect(body.capped).toBe(false);
  expect(body.graph.nodes.every((n) => Number.isFinite(n.x))).toBe(true);
  expect((await page.request.get(`/api/v1/blast-radius?start=not-an-id`)).status()).toBe(400);

  await signInWithApi(page.request, USERS.owner);
  expect((await page.request.get(`/api/v1/blast-radius?start=${s.stranger}`)).status()).toBe(404);
});

test("an analyst assigns an owner on the identity page; that owner confirms it and declares its purpose; each step is audited", async ({ page }) => {
  const s = await seed();
  const since = await lastAuditId();
  await signInWithApi(page.request, USERS.analyst);
  await page.goto(`/inventory/identities/${s.stranger}`);
  const ownerSection = page.getByRole("region", { name: "Owner" });
  await expect(ownerSection.getByText("Owned by someone@e2e.test")).toBeVisible();
  await ownerSection.getByText("Assign an owner").click();
  await ownerSection.getByLabel("Owner e-mail", { exact: true }).fill("not-an-email");
  await ownerSection.getByRole("button", { name: "Assign owner" }).click();
  await expect(ownerSection.locator("[id$='-ownerEmail-error']")).toBeVisible();
  await ownerSection.getByLabel("Owner e-mail", { exact: true }).fill(USERS.owner);
  await ownerSection.getByRole("button", { name: "Assign owner" }).click();
  await expect(ownerSection.getByText(`${USERS.owner} now owns 1 identity`)).toBeVisible();
  await page.reload();
  await expect(ownerSection.getByText(`Owned by ${USERS.owner}`)).toBeVisible();
  await expect(ownerSection.getByText("Assigned in Keyward", { exact: true })).toBeVisible();

  // The stranger's identity is now the owner's: they open it, confirm, and say what it is for.
  await page.context().clearCookies();
  await signInWithApi(page.request, USERS.owner);
  expect((await page.goto(`/inventory/identities/${s.stranger}`))?.status()).toBe(200);
  await expect(ownerSection.getByText("Assign an owner")).toHaveCount(0);
  await ownerSection.getByRole("button", { name: "Confirm I own this" }).click();
  await expect(ownerSection.getByText(`Ownership confirmed for ${USERS.owner}`)).toBeVisible();
  const purpose = page.getByRole("region", { name: "Purpose and end date" });
  await purpose.getByLabel("Purpose", { exact: true }).fill("nightly ledger export");
  await purpose.getByRole("button", { name: "Save purpose" }).click();
  await expect(purpose.getByText(/Purpose saved/)).toBeVisible();

  const events = await sql<{ action: string; actor_label: string }>(
    `SELECT action, actor_label FROM audit_events WHERE id > $1 AND target_id = $2 ORDER BY id`,
    [since, s.stranger],
  );
  expect(events.map((e) => e.action)).toEqual(["ownership.assigned", "ownership.confirmed", "identity.purpose_declared"]);
  expect(events.map((e) => e.actor_label)).toEqual([USERS.analyst, USERS.owner, USERS.owner]);
});

test("an auditor reads the owner but is offered no way to change it", async ({ page }) => {
  const s = await seed();
  await signInWithApi(page.request, USERS.auditor);
  const response = await page.goto(`/inventory/identities/${s.identity}`);
  expect(response?.status()).toBe(200);
  const ownerSection = page.getByRole("region", { name: "Owner" });
  await expect(ownerSection.getByText(`Owned by ${USERS.owner}`)).toBeVisible();
  await expect(ownerSection.getByText("Assign an owner")).toHaveCount(0);
  await expect(ownerSection.getByRole("button", { name: "Confirm I own this" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Purpose and end date" })).toHaveCount(0);
});
