import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFingerprinter } from "@/connectors/sdk";
import { systemCaller } from "@/lib/auth/session-context";
import { writeExportCsv } from "@/lib/inventory/export-csv";
import { withInventorySnapshot } from "@/lib/inventory/export-inventory";
import { writeExportJson } from "@/lib/inventory/export-json";
import { bundleOf, commitAll, git, writeFiles, type TestRepository } from "@/connectors/code/__fixtures__/test-repository";
import { dumpDatabase, leakForms } from "@/lib/sync/import/testing/dump-database";
import { tempFolder } from "@/lib/sync/import/testing/import-fixtures";
import { query } from "@/lib/sync/testing/run-fixtures";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

/*
 * Issue 5, "Done means" 3, across two connectors: a value committed in a repository's `.env` and
 * the same value in a GitLab CI/CD variable (saved v4 responses) are imported by `keyward import`
 * as a user runs it. Both credentials carry the same keyed fingerprint, the `secret-reused`
 * finding (evaluated by the import) lists both places, and the value is nowhere: not in pg_dump
 * of the whole database, not in the JSON or CSV export (written by the export's own writers, as
 * `keyward export` does), not in anything the command printed.
 */

const HOME = path.resolve(import.meta.dirname, "../../..");
const FINGERPRINT_KEY = Buffer.alloc(32, 0x5a);
const fingerprint = createFingerprinter(FINGERPRINT_KEY);

/** A fresh Stripe-shaped live key per run (built from parts, so this file holds no secret-shaped literal). */
const CANARY =
  "sk" +
  "_live_" +
  "KWCANARY" +
  randomBytes(24)
    .toString("base64")
    .replace(/[^A-Za-z0-9]/g, "")
    .slice(0, 24);
const DEV = { name: "Dana Dev", email: "dana@example.com" };

function runCli(args: string[], url: string, dataDir: string) {
  const env = {
    ...process.env,
    DATABASE_URL: url,
    KEYWARD_DATA_DIR: dataDir,
    KEYWARD_FINGERPRINT_KEY: FINGERPRINT_KEY.toString("hex"),
    KEYWARD_AUDIT_KEY: Buffer.alloc(32, 0x22).toString("hex"),
    KEYWARD_ENCRYPTION_KEY: Buffer.alloc(32, 0x33).toString("hex"),
    KEYWARD_SESSION_SECRET: "s".repeat(48),
  };
  const result = spawnSync(process.execPath, [path.join(HOME, "bin/keyward.mjs"), ...args], {
    env,
    encoding: "utf8",
    timeout: 180_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** A repository whose `.env` (committed, then edited) holds the canary. */
function buildRepository(): TestRepository {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-canary-repo-"));
  git(dir, ["init", "-q", "-b", "main"]);
  writeFiles(dir, { "README.md": "# payments\n", ".env": `STRIPE_SECRET_KEY=${CANARY}\n` });
  const c1 = commitAll(dir, "config", DEV, "2025-01-01T10:00:00Z");
  writeFiles(dir, { ".env": `# production\nSTRIPE_SECRET_KEY=${CANARY}\nREGION=eu-west-1\n` });
  const c2 = commitAll(dir, "region", DEV, "2025-02-01T10:00:00Z");
  return { dir, commits: { c1, c2, c3: c2, c4: c2, side: c2 }, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** `GET /projects/42/variables` as GitLab v4 returns it, the canary as one variable's value. */
const variables = JSON.stringify([
  {
    variable_type: "env_var",
    key: "STRIPE_SECRET_KEY",
    value: CANARY,
    protected: true,
    masked: true,
    hidden: false,
    raw: false,
    environment_scope: "production",
    description: "Stripe live key",
  },
  {
    variable_type: "env_var",
    key: "REGION",
    value: "eu-west-1",
    protected: false,
    masked: false,
    hidden: false,
    raw: false,
    environment_scope: "*",
    description: null,
  },
]);

/** The export document of the whole inventory, written as `keyward export --format <format>` writes it. */
async function exportText(db: TestDatabase["db"], format: "json" | "csv"): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  await withInventorySnapshot(systemCaller("canary test"), { db }, (document) =>
    format === "json" ? writeExportJson(document, out) : writeExportCsv(document, out),
  );
  out.end();
  return Buffer.concat(chunks).toString("utf8");
}

type Place = { source: string; type: string; name: string; locations: { path?: string; line?: number; commit?: string }[] };

describe("canary: one value in a committed .env and in a GitLab CI/CD variable", () => {
  let t: TestDatabase;
  let repo: TestRepository;
  const folder = tempFolder();
  const outputs: string[] = [];
  const exports: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDatabase();
    repo = buildRepository();
    fs.mkdirSync(path.join(folder.dir, "code"));
    fs.writeFileSync(path.join(folder.dir, "code/payments.bundle"), bundleOf(repo));
    folder.write("gitlab/projects/42/variables.json", variables);
  });
  afterAll(async () => {
    repo.remove();
    folder.remove();
    await t.drop();
  });

  it("imports both files with keyward import, each recognised by its own connector's format", () => {
    const run = runCli(["import", folder.dir], t.url, `${folder.dir}-data`);
    outputs.push(run.output);
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain("policies evaluated");
    expect(run.output).toContain("code.git-bundle");
    expect(run.output).toContain("gitlab.rest-variables");
  }, 200_000); // a CLI process (startup, migrations check, import, policy evaluation): slow on a loaded machine

  it("gives the two credentials the same keyed fingerprint: the value's", async () => {
    const rows = await query<{ external_type: string; fingerprint: string; locations: unknown }>(
      t.url,
      "SELECT external_type, fingerprint, locations FROM credentials WHERE fingerprint = $1 ORDER BY external_type",
      [fingerprint(CANARY)],
    );
    expect(rows.map((r) => r.external_type)).toEqual(["code.secret", "gitlab.ci_variable"]);
    expect(rows[0]!.locations).toEqual([
      { source: "git", path: ".env", line: 1, commit: repo.commits.c1, historyOnly: true },
      { source: "git", path: ".env", line: 2, commit: repo.commits.c2, historyOnly: false },
    ]);
  });

  it("opens a secret-reused finding listing both places", async () => {
    const findings = await query<{ status: string; evidence: { fingerprint: string; count: number; places: Place[] } }>(
      t.url,
      "SELECT status, evidence FROM findings WHERE rule = 'secret-reused'",
    );
    expect(findings.map((f) => f.status)).toEqual(["open"]);
    const { evidence } = findings[0]!;
    expect(evidence.fingerprint).toBe(fingerprint(CANARY));
    expect(evidence.count).toBe(2);
    expect(evidence.places.map((p) => [p.source, p.type, p.name]).sort()).toEqual([
      ["code-import", "api_key", "Stripe API key in .env"],
      ["gitlab-import", "ci_variable", "STRIPE_SECRET_KEY"],
    ]);
    const code = evidence.places.find((p) => p.type === "api_key")!;
    expect(code.locations.map((l) => [l.path, l.line, l.commit])).toEqual([
      [".env", 1, repo.commits.c1],
      [".env", 2, repo.commits.c2],
    ]);
  });

  it("also opens secret-in-code on the committed copy", async () => {
    const findings = await query<{ external_type: string }>(
      t.url,
      `SELECT c.external_type FROM findings f JOIN credentials c ON c.id = f.subject_id
       WHERE f.rule = 'secret-in-code' AND f.status = 'open'`,
    );
    expect(findings).toEqual([{ external_type: "code.secret" }]);
  });

  it("exports both credentials by fingerprint, as JSON and as CSV", async () => {
    for (const format of ["json", "csv"] as const) {
      exports[format] = await exportText(t.db, format);
      expect(exports[format].split(fingerprint(CANARY)).length - 1, format).toBeGreaterThanOrEqual(2);
      expect(exports[format]).toContain("STRIPE_SECRET_KEY");
    }
    expect(JSON.parse(exports.json!)).toMatchObject({ keyward: expect.any(String) as unknown });
  });

  it("finds the value nowhere: pg_dump, the exports, the commands' output", async () => {
    const dump = await dumpDatabase(t.url);
    expect(dump.text).toContain(fingerprint(CANARY));
    const haystacks: Record<string, string> = {
      [`database dump (${dump.via})`]: dump.text,
      "JSON export": exports.json ?? "",
      "CSV export": exports.csv ?? "",
      "CLI output (stdout and stderr)": outputs.join("\n"),
    };
    expect(Object.values(haystacks).every((text) => text.length > 0)).toBe(true);
    for (const [where, text] of Object.entries(haystacks)) {
      expect(text.includes("KWCANARY"), `${where} contains the canary tag`).toBe(false);
      for (const form of leakForms(CANARY)) expect(text.includes(form), `${where} contains the value`).toBe(false);
    }
  });
});
