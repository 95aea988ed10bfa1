import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { flipOneByte, tamper } from "@/lib/evidence/testing/zip-tamper";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

/** `keyward evidence` and `keyward verify-evidence` through their run(): exit codes and output are contracts. */

let t: TestDatabase;
let cli: { evidence: typeof import("@/cli/commands/evidence"); verify: typeof import("@/cli/commands/verify-evidence") };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-evidence-cli-"));
const packFile = path.join(dir, "evidence.zip");

async function run(command: { run: (args: string[]) => Promise<number> }, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((line: unknown) => void out.push(String(line)));
  const error = vi.spyOn(console, "error").mockImplementation((line: unknown) => void err.push(String(line)));
  try {
    return { code: await command.run(args), out: out.join("\n"), err: err.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  cli = { evidence: await import("@/cli/commands/evidence"), verify: await import("@/cli/commands/verify-evidence") };
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await t.drop();
});

describe("keyward evidence", () => {
  it("writes the pack to --out and exits 0; --public-key prints the key to pin", async () => {
    const made = await run(cli.evidence.evidenceCommand, ["--out", packFile, "--as-of", new Date(Date.now() - 60_000).toISOString()]);
    expect(made.code, made.err).toBe(0);
    // 5 core files + the compliance report as JSON, CSV and PDF (no campaign was activated here).
    expect(made.err).toContain(`wrote ${packFile}: 8 files + signed manifest`);
    expect(fs.existsSync(`${packFile}.partial`)).toBe(false);
    const key = await run(cli.evidence.evidenceCommand, ["--public-key"]);
    expect(key.code).toBe(0);
    expect(key.out).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+-----END PUBLIC KEY-----\nhex: [0-9a-f]{64}\ninstance: [0-9a-f]{32}$/);
  });

  it.each([
    [[], /^--out: required/],
    [["--public-key", "--out", "x.zip"], /^--public-key: takes no other option/],
    [["--out", "x.zip", "--as-of", "yesterday"], /^--as-of must be an ISO-8601 instant/],
  ])("%j is a usage error naming the option", async (args, message) => {
    await expect(cli.evidence.evidenceCommand.run(args)).rejects.toThrow(message);
  });
});

describe("keyward verify-evidence", () => {
  it("exits 0 for an intact pack, and notes when the key was not pinned", async () => {
    const result = await run(cli.verify.verifyEvidenceCommand, [packFile]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(new RegExp(`^${packFile}: intact — 10 files match the signed manifest`)); // 8 + manifest + signature
    expect(result.out).toContain("note: checked with the key inside the pack");
  });

  it("exits 0 with the pinned key and 1 with another instance's key", async () => {
    const keyFile = path.join(dir, "instance.pem");
    fs.writeFileSync(keyFile, (await run(cli.evidence.evidenceCommand, ["--public-key"])).out.split("\nhex:")[0]!);
    const pinned = await run(cli.verify.verifyEvidenceCommand, [packFile, "--public-key", keyFile]);
    expect(pinned.code).toBe(0);
    expect(pinned.out).not.toContain("note:");
    const otherFile = path.join(dir, "other.hex");
    fs.writeFileSync(otherFile, "11".repeat(32));
    const other = await run(cli.verify.verifyEvidenceCommand, [packFile, "--public-key", otherFile]);
    expect(other.code).toBe(1);
    expect(other.out).toContain("NOT intact (signature wrong-key)");
  });

  it("exits 1 naming each altered, missing and extra file", async () => {
    const broken = path.join(dir, "broken.zip");
    fs.writeFileSync(
      broken,
      await tamper(fs.readFileSync(packFile), (files) => {
        files.set("findings/findings.csv", flipOneByte(files.get("findings/findings.csv")!));
        files.delete("audit/audit-chain-verification.json");
        files.set("extra.txt", Buffer.from("added"));
      }),
    );
    const result = await run(cli.verify.verifyEvidenceCommand, [broken]);
    expect(result.code).toBe(1);
    expect(result.out.split("\n")).toEqual([
      `${broken}: NOT intact (signature valid)`,
      "  audit/audit-chain-verification.json: missing",
      "  findings/findings.csv: altered (SHA-256 differs from the manifest)",
      "  extra.txt: unexpected (not in the manifest)",
      expect.stringContaining("note: checked with the key inside the pack"),
    ]);
  });

  it("exits 2 with a clear message for a file that is not a ZIP or a key that is not Ed25519", async () => {
    const text = path.join(dir, "notes.txt");
    fs.writeFileSync(text, "not a zip");
    const notZip = await run(cli.verify.verifyEvidenceCommand, [text]);
    expect(notZip.code).toBe(2);
    expect(notZip.err).toMatch(new RegExp(`^keyward verify-evidence: ${text}: not a readable ZIP file`));
    const badKey = await run(cli.verify.verifyEvidenceCommand, [packFile, "--public-key", text]);
    expect(badKey.code).toBe(2);
    expect(badKey.err).toContain(`--public-key ${text}: not an Ed25519 public key`);
    await expect(cli.verify.verifyEvidenceCommand.run([path.join(dir, "absent.zip")])).rejects.toThrow(/^<zip>: cannot read .*absent\.zip \(ENOENT\)/);
    await expect(cli.verify.verifyEvidenceCommand.run([])).rejects.toThrow(/give exactly one evidence pack/);
  });
});
