/*
 * Benchmark of the secrets-in-code scanner (connectors/code): builds a repository of 10,000 commits
 * and 50,000 files with `git fast-import` (seconds, not the minutes 10,000 `git commit`s take), then
 * scans its whole history and prints seconds and files per second.
 *
 *   node --import tsx scripts/bench-code-scan.ts [commits=10000] [filesPerCommit=5]
 *
 * Content is source-like text in which the rule keywords (key, secret, token…) occur often, so the
 * regexes run instead of being skipped by the keyword prefilter; one commit in 250 plants a secret,
 * and every other planted file is deleted again, so half the findings are history-only.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scanRepository } from "../connectors/code/scan/scan-repository";

const commits = Number(process.argv[2] ?? 10_000);
const filesPerCommit = Number(process.argv[3] ?? 5);
const SECRET_EVERY = 250;

const env = { ...process.env, HOME: tmpdir(), GIT_CONFIG_NOSYSTEM: "1", LC_ALL: "C" };

function git(dir: string, args: string[], input?: Buffer): string {
  const result = spawnSync("git", args, { cwd: dir, env, input, maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`git ${args[0]}: ${result.stderr.toString()}`);
  return result.stdout.toString();
}

/** Deterministic pseudo-random alphanumerics (xorshift), so runs are comparable. */
let state = 0x9e3779b9;
function random(length: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let out = "";
  for (let i = 0; i < length; i += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out += alphabet[(state >>> 0) % alphabet.length];
  }
  return out;
}

function sourceFile(commit: number, file: number): string {
  const lines = [`// module ${commit}/${file}`, 'import { client } from "./client";', ""];
  for (let i = 0; i < 30; i += 1) {
    if (i % 10 === 0) lines.push(`const apiKey${i} = process.env.API_KEY_${i};`);
    else if (i % 10 === 5) lines.push(`export const tokenName${i} = "session-${commit}-${i}";`);
    else lines.push(`export function handler${i}(input: string) { return client.call("${random(12)}", input.length + ${i}); }`);
  }
  return lines.join("\n") + "\n";
}

function buildStream(): Buffer {
  const parts: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  let planted = 0;
  for (let c = 0; c < commits; c += 1) {
    const when = 1_700_000_000 + c * 60;
    parts.push(
      `commit refs/heads/main\nmark :${c + 1}\ncommitter Bench <bench${c % 7}@example.com> ${when} +0000\n${data(`commit ${c}`)}`,
    );
    if (c > 0) parts.push(`from :${c}\n`);
    for (let f = 0; f < filesPerCommit; f += 1)
      parts.push(`M 100644 inline src/m${Math.floor(c / 100)}/f${c}-${f}.ts\n${data(sourceFile(c, f))}`);
    if (c % SECRET_EVERY === 0) {
      planted += 1;
      parts.push(`M 100644 inline config/secret-${c}.env\n${data(`GITHUB_TOKEN=ghp_${random(36)}\n`)}`);
    }
    if (c % (2 * SECRET_EVERY) === SECRET_EVERY / 2 && c > SECRET_EVERY)
      parts.push(`D config/secret-${c - SECRET_EVERY / 2}.env\n`);
    parts.push("\n");
  }
  console.log(`planted ${planted} secrets`);
  return Buffer.from(parts.join(""));
}

const dir = mkdtempSync(join(tmpdir(), "keyward-bench-code-"));
try {
  git(dir, ["init", "-q", "--bare", "-b", "main"]);
  let started = performance.now();
  git(dir, ["fast-import", "--quiet"], buildStream());
  console.log(`built ${commits} commits × ${filesPerCommit} files in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // The two whole-history git walks the scan makes, timed alone, to show where the time goes.
  for (const args of [
    ["rev-list", "--objects", "--all"],
    ["log", "--all", "--no-renames", "--raw", "--no-abbrev", "--format=%H"],
  ]) {
    started = performance.now();
    git(dir, args);
    console.log(`git ${args.slice(0, 2).join(" ")}: ${((performance.now() - started) / 1000).toFixed(2)} s`);
  }
  started = performance.now();
  const items = scanRepository(dir, { repository: "bench", name: "bench" });
  const seconds = (performance.now() - started) / 1000;
  const repository = items[0]!;
  const secrets = items.filter((i) => i.kind === "secret");
  const historyOnly = secrets.filter((s) => s.kind === "secret" && s.locations.every((l) => l.historyOnly)).length;
  if (repository.kind !== "repository") throw new Error("no repository item");
  console.log(
    `scanned ${repository.blobsScanned} files (unique blobs) in ${seconds.toFixed(2)} s = ${Math.round(repository.blobsScanned / seconds)} files/s`,
  );
  console.log(`found ${secrets.length} secrets (${historyOnly} history-only)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
