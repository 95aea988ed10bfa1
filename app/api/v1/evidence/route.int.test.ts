import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Caller } from "@/lib/auth/session-context";
import { verifyEvidencePack } from "@/lib/evidence/verify-evidence-pack";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

/** The session is the one thing faked: who is calling. Authorization and the pack are real. */
const session = vi.hoisted(() => ({ caller: null as Caller | null }));
vi.mock("@/lib/auth/session-context", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session-context")>()),
  getCaller: async () => session.caller,
}));

const as = (role: Caller["role"]): Caller => ({ type: "user", userId: null, email: `${role}@acme.example`, name: null, role, sessionId: null });

let t: TestDatabase;
let GET: typeof import("@/app/api/v1/evidence/route").GET;
const call = (query = "") => GET(new NextRequest(`http://localhost/api/v1/evidence${query}`), { params: Promise.resolve({}) });

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  ({ GET } = await import("@/app/api/v1/evidence/route"));
});
afterAll(() => t.drop());

describe("GET /api/v1/evidence", () => {
  it("401 without a session, 403 for a role without reports:export", async () => {
    session.caller = null;
    expect((await call()).status).toBe(401);
    session.caller = as("owner");
    const forbidden = await call();
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({ error: { code: "FORBIDDEN", message: "Requires reports:export." } });
  });

  it("400 naming asOf when it is not an instant", async () => {
    session.caller = as("auditor");
    const response = await call("?asOf=yesterday");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "INVALID_INPUT", field: "asOf" } });
  });

  it("downloads a ZIP that verifies", async () => {
    session.caller = as("auditor");
    const response = await call(`?asOf=${encodeURIComponent(new Date(Date.now() - 1000).toISOString())}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="keyward-evidence-[0-9TZ-]+\.zip"$/);
    const result = await verifyEvidencePack(Buffer.from(await response.arrayBuffer()));
    expect(result).toMatchObject({ ok: true, manifest: { generatedBy: "auditor@acme.example" } });
  });
});
