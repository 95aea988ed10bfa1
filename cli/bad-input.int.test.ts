import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const HOME = path.resolve(import.meta.dirname, "..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-cli-"));

/** Runs the real `keyward` launcher with a clean, controlled environment. */
function keyward(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.join(HOME, "bin/keyward.mjs"), ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: os.homedir(), NODE_ENV: "production", KEYWARD_DATA_DIR: dataDir, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  const stderrLines = result.stderr.split("\n").filter((line) => line.trim() !== "");
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, stderrLines };
}

describe("keyward CLI on bad input: one clear line, no stack trace", () => {
  let blocker: net.Server;
  let busyPort: number;
  beforeAll(async () => {
    blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    busyPort = (blocker.address() as net.AddressInfo).port;
  });
  afterAll(() => {
    blocker.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("names an unreachable DATABASE_URL and says what to check", () => {
    const run = keyward(["migrate"], { DATABASE_URL: "postgresql://keyward@127.0.0.1:1/keyward" });
    expect(run.status).toBe(1);
    expect(run.stderrLines).toEqual(["keyward: DATABASE_URL: cannot connect: nothing is listening there; is PostgreSQL running?"]);
  });

  it("names a DATABASE_URL that is not a PostgreSQL URL", () => {
    const run = keyward(["migrate"], { DATABASE_URL: "mysql://root@localhost/db" });
    expect(run.status).toBe(1);
    expect(run.stderrLines).toEqual(["keyward: DATABASE_URL: must start with postgres:// or postgresql://"]);
  });

  it("names a web port that is already taken", () => {
    const run = keyward(["start"], { KEYWARD_PORT: String(busyPort), KEYWARD_HOST: "127.0.0.1" });
    expect(run.status).toBe(1);
    expect(run.stderrLines).toEqual([
      `keyward: KEYWARD_PORT: port ${busyPort} is in use by another program; stop it or set KEYWARD_PORT to a free port`,
    ]);
  });

  it("names an embedded-database port that is already taken", () => {
    const run = keyward(["migrate"], { KEYWARD_EMBEDDED_PG_PORT: String(busyPort) });
    expect(run.status).toBe(1);
    expect(run.stderrLines).toEqual([
      `keyward: KEYWARD_EMBEDDED_PG_PORT: port ${busyPort} is in use by another program; set KEYWARD_EMBEDDED_PG_PORT to a free port`,
    ]);
  });

  it("names the missing OIDC settings when only some are given", () => {
    const run = keyward(["migrate"], { OIDC_ISSUER: "https://idp.example.com" });
    expect(run.status).toBe(1);
    expect(run.stderrLines).toEqual([
      "keyward: OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: missing; OIDC sign-in needs OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET together (or none of them)",
    ]);
  });

  it("rejects a malformed setting by name", () => {
    const run = keyward(["migrate"], { KEYWARD_PORT: "eighty" });
    expect(run.status).toBe(1);
    expect(run.stderrLines).toEqual(["keyward: KEYWARD_PORT: must be a port number"]);
  });

  it("prints usage and exits 2 for an unknown command or option", () => {
    const unknown = keyward(["frobnicate"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderrLines[0]).toBe('keyward: unknown command "frobnicate"');
    expect(unknown.stderr).toContain("Usage: keyward <command>");
    const badOption = keyward(["verify-audit", "--colour"]);
    expect(badOption.status).toBe(2);
    expect(badOption.stderrLines[0]).toMatch(/^keyward: Unknown option '--colour'/);
    const noCommand = keyward([]);
    expect(noCommand.status).toBe(2);
    expect(noCommand.stdout).toContain("Usage: keyward <command>");
  });

  it("rejects a bad --port for serve", () => {
    const run = keyward(["serve", "--port", "http"], { DATABASE_URL: "postgresql://keyward@127.0.0.1:1/keyward" });
    expect(run.status).toBe(2);
    expect(run.stderrLines[0]).toBe('keyward: --port: "http" is not a port number');
  });
});
