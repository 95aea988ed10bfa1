import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Caller } from "@/lib/auth/session-context";
import type { Role } from "@/lib/auth/permissions";
import { pdfLines } from "@/lib/reports/testing/pdf-inspect";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

/*
 * GET /api/v1/inventory/summary.pdf through withAuth: the session is stubbed (getCaller), everything
 * below it is real: permission check, query validation, the summary over a real database, the PDF.
 */
const signedIn = vi.hoisted(() => ({ caller: null as Caller | null }));
vi.mock("@/lib/auth/session-context", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session-context")>()),
  getCaller: async () => signedIn.caller,
}));

let t: TestDatabase;
let GET: typeof import("@/app/api/v1/inventory/summary.pdf/route").GET;
const as = (role: Role) => {
  signedIn.caller = { type: "user", userId: null, email: `${role}@example.com`, name: null, role, sessionId: null };
};
const get = (query: string) => GET(new NextRequest(`http://localhost/api/v1/inventory/summary.pdf${query}`), { params: Promise.resolve({}) });

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  const source = await t.db.source.create({ data: { provider: "aws", name: "aws-prod", createdAt: new Date("2026-01-01T00:00:00Z") } });
  await t.db.identity.createMany({
    data: ["svc-a", "svc-b"].map((name) => ({
      sourceId: source.id, scope: "test", externalType: "test.identity", externalId: name, name, type: "service_account",
      contentHash: "h", lastSeenGeneration: 1, firstSeenAt: new Date("2026-01-01T00:00:00Z"),
    })),
  });
  ({ GET } = await import("@/app/api/v1/inventory/summary.pdf/route"));
});

afterAll(async () => {
  await t?.drop();
});

describe("GET /api/v1/inventory/summary.pdf", () => {
  it("refuses a caller without reports:export (403) and an anonymous one (401)", async () => {
    as("owner");
    const response = await get("");
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("FORBIDDEN");
    signedIn.caller = null;
    expect((await get("")).status).toBe(401);
  });

  it.each(["?asOf=yesterday", "?asOf=2026-13-45", "?asOf=2020-01-01T00:00:00", "?asOf=2999-01-01T00:00:00Z"])("answers %s with 400 naming asOf", async (query) => {
    as("analyst");
    const response = await get(query);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toMatchObject({ code: "INVALID_INPUT", field: "asOf" });
    expect(body.error.message).toMatch(/asOf/);
  });

  it("returns the summary as a PDF download, as of a date (the end of that day, UTC)", async () => {
    as("auditor");
    const response = await get("?asOf=2026-06-30");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="keyward-inventory-summary-2026-06-30.pdf"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = (await pdfLines(bytes)).map((l) => l.text);
    expect(text).toContain("Non-human identities and their credentials as of 2026-06-30 23:59 UTC");
    expect(text).toContain("Identities 2 non-human identities present");
  });
});
