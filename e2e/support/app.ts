import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { expect, type APIRequestContext, type Browser, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import pg from "pg";
import { BASE_URL, ENV_DATABASE_URL, PASSWORD } from "./settings";

/** Helpers shared by the specs: direct SQL on the run's database, sign-in shortcuts, screenshots. */


export function databaseUrl(): string {
  const url = process.env[ENV_DATABASE_URL];
  if (!url)
    throw new Error(`${ENV_DATABASE_URL} is not set: run the specs through playwright.config.ts (its global setup sets it)`);
  return url;
}

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * `keyward import <args>` against the run's database and data folder, as a user would run it;
 * throws with the command's output when it fails.
 */
export function keywardImport(...args: string[]): void {
  const result = runKeywardImport(args);
  if (result.status !== 0) throw new Error(`keyward import ${args.join(" ")} failed (${result.status}):\n${result.output}`);
}

/** `keyward import` whose exit status is the test's to judge (1: loaded, but something needs attention). */
export function runKeywardImport(args: string[]): { status: number | null; output: string } {
  const dataDir = process.env.KEYWARD_E2E_DATA_DIR;
  if (!dataDir) throw new Error("KEYWARD_E2E_DATA_DIR is not set: the global setup must export the server's data folder");
  const result = spawnSync(process.execPath, [path.join(ROOT, "bin/keyward.mjs"), "import", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl(), KEYWARD_DATA_DIR: dataDir, KEYWARD_HOME: ROOT, NODE_ENV: "production" },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** (Re-)imports the demo organisation: specs that change it start from its files. */
export const importDemo = () => keywardImport(path.join(ROOT, "demo"));

export async function sql<Row extends Record<string, unknown>>(text: string, params: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return (await client.query<Row>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** The id of the newest audit event (0 when there is none), to look only at events after it. */
export async function lastAuditId(): Promise<number> {
  const [row] = await sql<{ id: string | null }>("SELECT max(id)::text AS id FROM audit_events");
  return Number(row?.id ?? 0);
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}@e2e.test`;
}

export const SESSION_COOKIE = /(^|\.)next-auth\.session-token(\.\d+)?$/;

/**
 * Signs in through next-auth's credentials endpoint (what the sign-in form posts), so specs that are
 * not about the form do not pay for it. `request` shares its cookie jar with the page's context.
 */
export async function signInWithApi(request: APIRequestContext, email: string, password = PASSWORD): Promise<void> {
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.status()).toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    headers: { origin: BASE_URL },
    form: { csrfToken, email, password, callbackUrl: `${BASE_URL}/`, json: "true" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in of ${email}`).toBe(200);
  const me = await request.get("/api/v1/me");
  expect(me.status(), `GET /api/v1/me after signing in as ${email}`).toBe(200);
  expect(((await me.json()) as { email: string }).email).toBe(email);
}

/** Signs in through the sign-in page, as a person would. */
export async function signInWithForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function expectDashboard(page: Page): Promise<void> {
  await expect(page).toHaveURL(`${BASE_URL}/`);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}

export async function expectSignInPage(page: Page): Promise<void> {
  await expect(page).toHaveURL(/^[^?]*\/signin(\?.*)?$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
}

/** A fresh browser context with the suite's settings (nothing shared with the test's own context). */
export function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ baseURL: BASE_URL, viewport: { width: 1280, height: 800 } });
}

/**
 * A full-page screenshot kept as a test artifact and attached to the report. Tests never write
 * into the project: the README's screenshots are taken from the demo organisation, not from the
 * empty test database.
 */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(name);
  await page.screenshot({ path: file, fullPage: true, animations: "disabled", caret: "hide" });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}
