import { expect, test } from "@playwright/test";
import { signInWithApi, signInWithForm } from "./support/app";
import { BASE_URL, PASSWORD, USERS } from "./support/settings";

const NONCE = /'nonce-([A-Za-z0-9+/=]+)'/;

test("pages carry a nonce-based CSP and anti-framing headers", async ({ request }) => {
  const response = await request.get("/signin");
  expect(response.status()).toBe(200);
  const policies = response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "content-security-policy")
    .map((h) => h.value);
  const policy = policies.find((value) => NONCE.test(value));
  expect(policy, `content-security-policy headers: ${JSON.stringify(policies)}`).toBeDefined();
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("'strict-dynamic'");
  expect(policy).not.toContain("'unsafe-eval'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);

  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("no-referrer");

  // Every script of the page carries this response's nonce, and the next response gets a new one.
  const nonce = NONCE.exec(policy!)![1]!;
  const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  const again = await request.get("/signin");
  const nextNonce = again
    .headersArray()
    .map((h) => NONCE.exec(h.value)?.[1])
    .find(Boolean);
  expect(nextNonce).toBeDefined();
  expect(nextNonce).not.toBe(nonce);
});

test("the app runs under its CSP without violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await signInWithForm(page, USERS.analyst, PASSWORD);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await page.getByRole("button", { name: "Account menu" }).click();
  await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("cross-site writes are refused by the proxy; same-site ones pass it", async ({ page }) => {
  await signInWithApi(page.request, USERS.analyst);

  for (const route of ["/api/auth/signout", "/api/v1/me", "/settings/users", "/"]) {
    const evil = await page.request.post(route, {
      headers: { origin: "http://evil.example" },
      form: { csrfToken: "stolen" },
      maxRedirects: 0,
    });
    expect(evil.status(), `cross-site POST ${route}`).toBe(403);
    expect(await evil.json()).toEqual({ error: { code: "FORBIDDEN", message: "Cross-site request refused." } });
  }
  // Without any Origin header a cookie-authenticated write is refused as well.
  const anonymous = await page.request.post("/api/auth/signout", { form: { csrfToken: "stolen" }, maxRedirects: 0 });
  expect(anonymous.status()).toBe(403);

  // None of that reached next-auth: the session is intact.
  expect((await page.request.get("/api/v1/me")).status()).toBe(200);

  // The same request from our own origin gets past the proxy (next-auth then rejects the bad CSRF token).
  const same = await page.request.post("/api/auth/signout", {
    headers: { origin: BASE_URL },
    form: { csrfToken: "stolen" },
    maxRedirects: 0,
  });
  expect(same.status()).not.toBe(403);
  expect(same.status()).toBeLessThan(500);
});
