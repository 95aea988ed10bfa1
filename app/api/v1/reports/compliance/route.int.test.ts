import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Caller } from "@/lib/auth/session-context";
import type { Role } from "@/lib/auth/permissions";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

/*
 * GET /api/v1/reports/compliance through withAuth: the session is stubbed (getCaller), everything
 * below it is real: permission check, query validation, the report over a real database.
 */
const signedIn = vi.hoisted(() => ({ caller: null as Caller | null }));
vi.mock("@/lib/auth/session-context", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session-context")>()),
  getCaller: async () => signedIn.caller,
}));

let t: TestDatabase;
let GET: typeof import("@/app/api/v1/reports/compliance/route").GET;
const as = (role: Role) => {
  signedIn.caller = { type: "user", userId: null, email: `${role}@example.com`, name: null, role, sessionId: null };
};
const get = (query: string) => GET(new NextRequest(`http://localhost/api/v1/reports/compliance${query}`), { params: Promise.resolve({}) });

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  await t.db.source.create({ data: { provider: "aws", name: "aws-prod" } });
  ({ GET } = await import("@/app/api/v1/reports/compliance/route"));
});

afterAll(async () => {
  await t?.drop();
});

describe("GET /api/v1/reports/compliance", () => {
  it("refuses a caller without reports:export (403) and an anonymous one (401)", async () => {
    as("owner");
    const response = await get("");
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("FORBIDDEN");
    signedIn.caller = null;
    expect((await get("")).status).toBe(401);
  });

  it.each([
    ["?asOf=yesterday", "asOf"],
    ["?asOf=2026-13-45", "asOf"],
    ["?asOf=2020-01-01T00:00:00", "asOf"],
    ["?asOf=2999-01-01T00:00:00Z", "asOf"],
    ["?framework=iso27001", "framework"],
    ["?format=xlsx", "format"],
  ])("answers %s with 400 naming %s", async (query, field) => {
    as("analyst");
    const response = await get(query);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toMatchObject({ code: "INVALID_INPUT", field });
    expect(body.error.message).toMatch(new RegExp(field));
  });

  it("returns the JSON report as of a date (the end of that day, UTC)", async () => {
    as("auditor");
    const response = await get("?asOf=2026-06-30&framework=soc2");
    expect(response.status).toBe(200);
    const report = await response.json();
    expect(report).toMatchObject({ asOf: "2026-06-30T23:59:59.999Z", framework: "soc2" });
    expect(report.frameworks.map((f: { id: string }) => f.id)).toEqual(["soc2"]);
  });

  it("returns CSV and PDF as downloads", async () => {
    as("analyst");
    const csv = await get("?format=csv&asOf=2026-06-30T00:00:00Z");
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="keyward-compliance-2026-06-30.csv"');
    expect((await csv.text()).split("\r\n")[0]).toMatch(/^as_of,framework,control_id,/);
    const pdf = await get("?format=pdf");
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});
