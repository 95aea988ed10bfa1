import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

let t: TestDatabase;
let cli: typeof import("@/cli/commands/findings");
const DAY = 86_400_000;

async function run(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((line: unknown) => void lines.push(String(line)));
  const err = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    return { code: await cli.findingsCommand.run(args), out: lines.join("\n") };
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  cli = await import("@/cli/commands/findings");
  const source = await t.db.source.create({ data: { provider: "keyward", name: "fixture" } });
  await t.db.credential.create({
    data: {
      sourceId: source.id, scope: "s", externalType: "t", externalId: "k", name: "old-key", type: "access_key", status: "active",
      environment: "prod", createdAtSource: new Date(Date.now() - 200 * DAY), lastUsedAt: new Date(), contentHash: "x", lastSeenGeneration: 1,
      firstSeenAt: new Date(Date.now() - 400 * DAY),
    },
  });
});
afterAll(() => t.drop());

describe("keyward findings: bad options are usage errors naming the option", () => {
  it.each([
    [["--rule", "no-such-rule"], /^--rule: unknown rule "no-such-rule"/],
    [["--as-of", "yesterday"], /^--as-of: "yesterday" is not an ISO-8601 instant/],
    [["--as-of", "2025-06-01T00:00:00"], /^--as-of: .* with a time zone/],
    [["--as-of", "2025-06-01T00:00:00Z", "--evaluate"], /^--as-of: cannot be combined with --evaluate/],
    [["--format", "xml"], /^--format: must be table or json/],
    [["--status", "open,closed"], /^--status: unknown status "closed"/],
    [["--colour"], /Unknown option '--colour'/],
  ])("%j", async (args, message) => {
    const { UsageError } = await import("@/cli/commands");
    await expect(cli.findingsCommand.run(args)).rejects.toBeInstanceOf(UsageError);
    expect(() => cli.parseFindingsOptions(args)).toThrow(message);
  });
});

describe("keyward findings", () => {
  it("evaluates with --evaluate and prints the recorded findings as JSON", async () => {
    const { code, out } = await run(["--evaluate", "--format", "json", "--rule", "credential-max-age"]);
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.computed).toBe(false);
    expect(doc.findings).toEqual([
      expect.objectContaining({ rule: "credential-max-age", severity: "medium", owasp: "NHI7", status: "open", subjectType: "credential", subjectName: "old-key" }),
    ]);
  });

  it("computes the posture as of a past instant without writing anything", async () => {
    const before = await t.db.finding.findMany({ orderBy: { id: "asc" } });
    const audit = await t.db.auditEvent.count();
    const past = new Date(Date.now() - 150 * DAY).toISOString();
    const then = JSON.parse((await run(["--as-of", past, "--format", "json", "--rule", "credential-max-age"])).out);
    expect(then).toEqual({ asOf: past, computed: true, findings: [] });
    const now = JSON.parse((await run(["--as-of", new Date().toISOString(), "--format", "json", "--rule", "credential-max-age"])).out);
    expect(now.findings).toEqual([expect.objectContaining({ status: "open", subjectName: "old-key", id: before.find((f) => f.rule === "credential-max-age")?.id })]);
    expect(await t.db.finding.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await t.db.auditEvent.count()).toBe(audit);
  });

  it("prints a table with one row per finding and a count", async () => {
    const { out } = await run(["--rule", "credential-max-age", "--rule", "never-used"]);
    const lines = out.split("\n");
    expect(lines[0]).toMatch(/^SEVERITY\s+STATUS\s+RULE\s+OWASP\s+SUBJECT\s+FIRST SEEN$/);
    expect(lines[1]).toMatch(/^medium\s+open\s+credential-max-age\s+NHI7\s+credential:old-key\s+\d{4}-\d{2}-\d{2}$/);
    expect(lines.at(-1)).toBe("1 finding");
  });
});
