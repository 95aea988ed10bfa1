import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { saveScreenshot, signInWithApi } from "./support/app";
import { BASE_URL, USERS } from "./support/settings";

test.describe("roles", () => {
  test("an owner gets 403 on the users page", async ({ page }) => {
    await signInWithApi(page.request, USERS.owner);
    const response = await page.goto("/settings/users");
    expect(response?.status()).toBe(403);
    await expect(page.getByText("You do not have access")).toBeVisible();
    // Nothing of the page leaked into the 403 answer.
    await expect(page.getByText(USERS.admin)).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Users and roles" })).toHaveCount(0);
  });

  test("an auditor can read the audit log but not open settings", async ({ page }) => {
    await signInWithApi(page.request, USERS.auditor);

    const audit = await page.goto("/audit");
    expect(audit?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Audit log" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);

    for (const route of ["/settings", "/settings/users"]) {
      const response = await page.goto(route);
      expect(response?.status(), route).toBe(403);
      await expect(page.getByText("You do not have access")).toBeVisible();
    }
  });

  test("an admin opens the users page", async ({ page }, testInfo) => {
    await signInWithApi(page.request, USERS.admin);
    const response = await page.goto("/settings/users");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Users and roles" })).toBeVisible();
    for (const email of Object.values(USERS)) {
      await expect(page.getByTestId(`user-row-${email}`)).toBeVisible();
    }
    await expect(page.getByTestId(`user-row-${USERS.admin}`)).toContainText("you");
    await saveScreenshot(page, testInfo, "users.png");
  });
});

test.describe("unauthenticated requests", () => {
  type Route = { file: string; route: string; path: string };

  /** Routes anyone may request; they must still not fail. */
  const PUBLIC_ROUTES = new Set(["/signin", "/api/health", "/api/auth/[...nextauth]", "/_not-found", "/icon.svg"]);

  /** Every route of the production build, with dynamic segments filled in. */
  function builtRoutes(): Route[] {
    const manifestFile = path.join(import.meta.dirname, "../.next/app-path-routes-manifest.json");
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Record<string, string>;
    return Object.entries(manifest).map(([file, route]) => ({
      file,
      route,
      path: route.replace(/\[\[?(\.\.\.)?[^\]]+\]\]?/g, "e2e-dummy"),
    }));
  }

  async function check(request: APIRequestContext, { file, route, path: url }: Route): Promise<string | null> {
    if (PUBLIC_ROUTES.has(route)) {
      const response = await request.get(url, { maxRedirects: 0 });
      return response.status() < 500 ? null : `${route}: public route answered ${response.status()}`;
    }
    if (file.endsWith("/page") && !route.startsWith("/api/")) {
      const response = await request.get(url, { maxRedirects: 0 });
      const location = response.headers()["location"];
      const target = location ? new URL(location, BASE_URL).pathname : null;
      if (response.status() >= 300 && response.status() < 400 && target === "/signin") return null;
      return `${route}: page answered ${response.status()} (location ${location ?? "none"}) instead of a redirect to /signin`;
    }
    if (file.endsWith("/route") && route.startsWith("/api/")) {
      let response = await request.get(url, { maxRedirects: 0 });
      // A write-only handler: ask the way a same-origin page would (past the proxy's origin check).
      if (response.status() === 405) response = await request.post(url, { headers: { origin: BASE_URL }, maxRedirects: 0 });
      return response.status() === 401 ? null : `${route}: API route answered ${response.status()} instead of 401`;
    }
    return `${route} (${file}): not a known kind of route; classify it in e2e/authorization.spec.ts`;
  }

  test("every built route refuses or redirects an unauthenticated request", async ({ request }) => {
    const routes = builtRoutes();
    expect(routes.length, "routes in .next/app-path-routes-manifest.json").toBeGreaterThanOrEqual(10);
    const problems: string[] = [];
    for (const route of routes) {
      const problem = await check(request, route);
      if (problem) problems.push(problem);
    }
    expect(problems).toEqual([]);
  });

  test("a forged session cookie opens no page", async ({ request }) => {
    // The proxy only looks for the cookie's presence; the pages themselves must check the session.
    const forged = { cookie: "next-auth.session-token=forged.token.value" };
    const pages = builtRoutes().filter(
      (r) => r.file.endsWith("/page") && !PUBLIC_ROUTES.has(r.route) && !r.route.startsWith("/_"),
    );
    expect(pages.length).toBeGreaterThanOrEqual(8);
    const problems: string[] = [];
    for (const { route, path: url } of pages) {
      const response = await request.get(url, { headers: forged, maxRedirects: 0 });
      const location = response.headers()["location"];
      const target = location ? new URL(location, BASE_URL).pathname : null;
      if (!(response.status() >= 300 && response.status() < 400 && target === "/signin")) {
        problems.push(`${route}: answered ${response.status()} (location ${location ?? "none"}) with a forged cookie`);
      }
    }
    expect(problems).toEqual([]);
  });
});
