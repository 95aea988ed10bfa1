import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { issue } from "../connectors/certificates/__fixtures__/test-pki";
import { databaseUrl, saveScreenshot, signInWithApi, sql } from "./support/app";
import { USERS } from "./support/settings";

/*
 * Sources (issue 8): an admin adds a source from the generated form, syncs it and watches the
 * progress bar reach 100 %; a stored secret appears in no page or API payload; the wrong roles
 * are refused. "Sync now" needs a worker with the web server's own instance keys, so this spec
 * starts one against the server's data folder (KEYWARD_E2E_DATA_DIR, set by the global setup).
 */

const ROOT = path.resolve(import.meta.dirname, "..");
const CANARY = `KwE2eCanary-${Date.now().toString(36)}-Pw!7`;
let worker: ChildProcess | undefined;
let certDir: string;

test.beforeAll(async () => {
  const dataDir = process.env.KEYWARD_E2E_DATA_DIR;
  if (!dataDir) throw new Error("KEYWARD_E2E_DATA_DIR is not set: the global setup must export the server's data folder (its instance keys)");
  certDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyward-e2e-certs-"));
  fs.writeFileSync(path.join(certDir, "api.pem"), (await issue({ cn: "api.e2e.example", toDays: 120 })).pem);
  worker = spawn(process.execPath, [path.join(ROOT, "bin/keyward.mjs"), "worker"], {
    env: { ...process.env, DATABASE_URL: databaseUrl(), KEYWARD_DATA_DIR: dataDir, KEYWARD_HOME: ROOT, NODE_ENV: "production" },
    stdio: "ignore",
    detached: true,
  });
});

test.afterAll(async () => {
  if (worker?.pid !== undefined && worker.exitCode === null) {
    const exited = new Promise((resolve) => worker!.once("exit", resolve));
    process.kill(-worker.pid, "SIGTERM");
    await exited;
  }
  fs.rmSync(certDir, { recursive: true, force: true });
});

test("an admin adds a source, syncs it and watches the progress bar reach 100 %", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await signInWithApi(page.request, USERS.admin);
  await page.goto("/sources");
  await page.getByRole("link", { name: "Add source" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add source" })).toBeVisible();

  await page.getByLabel("Connector").selectOption({ label: "Certificates and TLS endpoints" });
  await expect(page.getByText("filesystem: read access to the configured paths")).toBeVisible();
  await page.getByLabel("Name *").fill("E2E certificate files");
  await page.getByLabel("Paths", { exact: true }).fill(certDir);
  await page.getByRole("button", { name: "Add source" }).click();

  await expect(page).toHaveURL(/\/sources\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "E2E certificate files" })).toBeVisible();
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sync queued." })).toBeVisible();

  const bar = page.getByRole("progressbar", { name: "Sync progress" });
  await expect(bar).toHaveAttribute("aria-valuenow", "100", { timeout: 60_000 });
  await expect(page.getByTestId("sync-run")).toContainText("succeeded");
  await expect(page.getByTestId("sync-run").getByRole("cell", { name: "credential" })).toBeVisible();
  await saveScreenshot(page, testInfo, "source.png");

  const [run] = await sql<{ status: string; mode: string }>(
    "SELECT r.status, r.mode FROM sync_runs r JOIN sources s ON s.id = r.source_id WHERE s.name = $1",
    ["E2E certificate files"],
  );
  expect(run).toEqual({ status: "succeeded", mode: "live" });
});

test("a source's stored secret never appears in a page, an API payload, the database's plain columns or an export", async ({ page }) => {
  await signInWithApi(page.request, USERS.admin);
  await page.goto("/sources/new");
  await page.getByLabel("Connector").selectOption({ label: "Database roles (PostgreSQL, MySQL, MariaDB)" });
  await page.getByLabel("Name *").fill("E2E database");
  await page.getByLabel(/^Engine/).selectOption("postgres");
  await page.getByLabel(/^Connection › host/).fill("127.0.0.1");
  await page.getByLabel(/^Connection › user/).fill("keyward_reader");
  await page.getByLabel(/^Password/).fill(CANARY);
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page).toHaveURL(/\/sources\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").at(-1)!;

  await expect(page.getByText("Set. Leave empty to keep it; type to replace it.")).toBeVisible();
  expect(await page.content()).not.toContain(CANARY);
  for (const url of [`/sources/${id}`, "/sources", `/api/v1/sources/${id}/runs/latest`]) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(200);
    expect(await response.text(), url).not.toContain(CANARY);
  }
  const [row] = await sql<{ config: string; sealed: string }>("SELECT config::text, encode(credentials_encrypted, 'escape') AS sealed FROM sources WHERE id = $1", [id]);
  expect(row!.config).not.toContain(CANARY);
  expect(row!.sealed).not.toContain(CANARY);

  // The inventory export (JSON and CSV, with the sources it names) holds no trace of it either.
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "keyward-e2e-export-"));
  try {
    for (const format of ["json", "csv"]) {
      const file = path.join(out, `export.${format}`);
      const result = spawnSync(process.execPath, [path.join(ROOT, "bin/keyward.mjs"), "export", "--format", format, "--out", file], {
        env: { ...process.env, DATABASE_URL: databaseUrl(), KEYWARD_DATA_DIR: process.env.KEYWARD_E2E_DATA_DIR, KEYWARD_HOME: ROOT, NODE_ENV: "production" },
        encoding: "utf8",
      });
      expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
      // JSON is one file; CSV is a folder of one file per table.
      const files = fs.statSync(file).isDirectory() ? fs.readdirSync(file).map((name) => path.join(file, name)) : [file];
      expect(files.length).toBeGreaterThan(0);
      for (const written of files) expect(fs.readFileSync(written, "utf8"), written).not.toContain(CANARY);
      expect(`${result.stdout}${result.stderr}`).not.toContain(CANARY);
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test("analysts sync but do not configure; owners and auditors do not see sources", async ({ page }) => {
  await signInWithApi(page.request, USERS.analyst);
  expect((await page.goto("/sources"))?.status()).toBe(200);
  await expect(page.getByRole("link", { name: "Add source" })).toHaveCount(0);
  expect((await page.goto("/sources/new"))?.status()).toBe(403);
  const [source] = await sql<{ id: string }>("SELECT id::text FROM sources ORDER BY created_at LIMIT 1");

  for (const user of [USERS.owner, USERS.auditor]) {
    await page.context().clearCookies();
    await signInWithApi(page.request, user);
    expect((await page.goto("/sources"))?.status(), user).toBe(403);
    if (source) expect((await page.request.get(`/api/v1/sources/${source.id}/runs/latest`)).status(), user).toBe(403);
  }
});
