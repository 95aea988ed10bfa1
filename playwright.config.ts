import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { BASE_URL } from "./e2e/support/settings";

/**
 * End-to-end tests against the production build in real Chromium (Debian's; `npx playwright install`
 * cannot work offline). The global setup starts PostgreSQL, a test OIDC provider and `next start`.
 */

if (!fs.existsSync(path.join(import.meta.dirname, ".next/BUILD_ID"))) {
  throw new Error("No production build (.next/BUILD_ID is missing): run npm run build first.");
}

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  globalSetup: "./e2e/support/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: BASE_URL,
    viewport: { width: 1280, height: 800 },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    video: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
});
