import { NextResponse, type NextRequest } from "next/server";

/**
 * Optimistic checks only (Next.js calls proxy a last resort, and it has been bypassed before):
 * a per-request CSP nonce, HSTS behind TLS, a same-origin check for state-changing requests, and a
 * redirect to /signin when there is no session cookie at all. Authorization happens in the data layer.
 */

const PUBLIC_PATHS = [/^\/signin(\/|$)/, /^\/api\/auth\//, /^\/api\/health$/, /^\/_next\//, /^\/favicon\.ico$/, /^\/icon/];

function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React and recharts set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

function isStateChanging(request: NextRequest): boolean {
  return !["GET", "HEAD", "OPTIONS"].includes(request.method);
}

/** Cookie-authenticated writes must come from our own pages; API tokens (no cookie) are exempt. */
function crossSiteRefused(request: NextRequest): boolean {
  if (!isStateChanging(request) || request.headers.has("authorization")) return false;
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || origin === "null") return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (crossSiteRefused(request)) {
    return NextResponse.json({ error: { code: "FORBIDDEN", message: "Cross-site request refused." } }, { status: 403 });
  }
  const isPublic = PUBLIC_PATHS.some((pattern) => pattern.test(pathname));
  if (!isPublic && !pathname.startsWith("/api/")) {
    // Any session cookie at all; the page itself validates the session properly.
    const hasCookie = request.cookies.getAll().some((c) => c.name.endsWith("next-auth.session-token"));
    if (!hasCookie) {
      const url = request.nextUrl.clone();
      url.pathname = "/signin";
      url.search = pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(pathname + request.nextUrl.search)}`;
      return NextResponse.redirect(url);
    }
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  response.headers.set("cache-control", "private, no-store");
  const forwardedProto = request.headers.get("x-forwarded-proto");
  if (request.nextUrl.protocol === "https:" || forwardedProto === "https") {
    response.headers.set("strict-transport-security", "max-age=63072000; includeSubDomains");
  }
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
