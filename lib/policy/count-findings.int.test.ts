import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";
import type { Caller } from "@/lib/auth/session-context";

let t: TestDatabase;
let count: typeof import("@/lib/policy/count-findings").countFindingsByRule;
let list: typeof import("@/lib/policy/list-findings").listFindings;
const caller = (role: Caller["role"]): Caller => ({ type: "user", userId: null, email: `${role}@example.com`, name: null, role, sessionId: null });
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  count = (await import("@/lib/policy/count-findings")).countFindingsByRule;
  list = (await import("@/lib/policy/list-findings")).listFindings;
  const finding = (n: number, rule: string, severity: string, status: string) =>
    t.db.finding.create({ data: { rule, severity, owasp: "NHI7", status, subjectType: "credential", subjectId: id(n) } });
  await finding(1, "credential-max-age", "medium", "open");
  await finding(2, "credential-max-age", "medium", "open");
  await finding(3, "credential-max-age", "medium", "resolved");
  await finding(4, "cert-expired", "high", "open");
});
afterAll(async () => {
  const { getDb } = await import("@/lib/db");
  await getDb().$disconnect();
  await t.drop();
});

describe("findings overview", () => {
  it("counts findings per rule and status, most severe rule first", async () => {
    expect(await count(caller("analyst"))).toEqual([
      { rule: "cert-expired", severity: "high", owasp: "NHI7", status: "open", count: 1 },
      { rule: "credential-max-age", severity: "medium", owasp: "NHI7", status: "open", count: 2 },
      { rule: "credential-max-age", severity: "medium", owasp: "NHI7", status: "resolved", count: 1 },
    ]);
  });

  it("is for triagers only", async () => {
    await expect(count(caller("owner"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(count(caller("auditor"))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lists open findings most severe first, up to a limit", async () => {
    const two = await list(caller("analyst"), { statuses: ["open"], limit: 2 });
    expect(two.map((f) => [f.rule, f.subjectId])).toEqual([
      ["cert-expired", id(4)],
      ["credential-max-age", id(1)],
    ]);
    expect(await list(caller("analyst"), { statuses: ["open"] })).toHaveLength(3);
  });
});
