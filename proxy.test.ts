import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "./proxy";

const request = (url: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(new URL(url), { method: init.method ?? "GET", headers: init.headers });

describe("proxy (optimistic checks only)", () => {
  it("redirects a page request without a session cookie to /signin, keeping where it was going", () => {
    const response = proxy(request("http://kw.test/settings/users?x=1"));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("http://kw.test/signin?callbackUrl=%2Fsettings%2Fusers%3Fx%3D1");
  });

  it("lets API routes through so their handlers answer 401 themselves", () => {
    const response = proxy(request("http://kw.test/api/v1/me"));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it("sets a fresh nonce CSP per request", () => {
    const cookie = { cookie: "next-auth.session-token=abc" };
    const a = proxy(request("http://kw.test/", { headers: cookie })).headers.get("content-security-policy")!;
    const b = proxy(request("http://kw.test/", { headers: cookie })).headers.get("content-security-policy")!;
    expect(a).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(a).toContain("frame-ancestors 'none'");
    expect(a).not.toBe(b);
  });

  it("adds HSTS only behind TLS", () => {
    expect(proxy(request("http://kw.test/signin")).headers.get("strict-transport-security")).toBeNull();
    expect(proxy(request("https://kw.test/signin")).headers.get("strict-transport-security")).toContain("max-age=");
    expect(proxy(request("http://kw.test/signin", { headers: { "x-forwarded-proto": "https" } })).headers.get("strict-transport-security")).toContain("max-age=");
  });

  it("refuses cookie-authenticated writes without a same-site Origin", () => {
    const post = (headers: Record<string, string>) => proxy(request("http://kw.test/settings/users", { method: "POST", headers: { host: "kw.test", ...headers } })).status;
    expect(post({})).toBe(403);
    expect(post({ origin: "null" })).toBe(403);
    expect(post({ origin: "http://evil.example" })).toBe(403);
    expect(post({ origin: "http://kw.test", cookie: "next-auth.session-token=abc" })).toBe(200);
    expect(post({ authorization: "Bearer token" })).not.toBe(403);
  });
});
