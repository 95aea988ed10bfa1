import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { isBuildCurrent, writeBuildStamp } from "@/cli/build-state";

const require = createRequire(import.meta.url);
/** Next's own entry point; `npx next` would leave `next-server` behind when killed (STACK-NOTES.md). */
const NEXT_BIN = require.resolve("next/dist/bin/next");

export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extra };
}

/** Builds the production app unless the current build matches the sources. */
export async function ensureProductionBuild(home: string, log: (line: string) => void): Promise<void> {
  if (isBuildCurrent(home)) return;
  log("Building the web app (first start or changed sources; about a minute)…");
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, "build"], {
      cwd: home,
      env: childEnv({ NODE_ENV: "production" }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed:\n${output}`))));
  });
  writeBuildStamp(home);
  log(`Built in ${Math.round((Date.now() - started) / 1000)} s.`);
}

export function spawnNextServer(home: string, options: { port: number; host: string; env: Record<string, string> }): ChildProcess {
  return spawn(process.execPath, [NEXT_BIN, "start", "-p", String(options.port), "-H", options.host], {
    cwd: home,
    env: childEnv({ NODE_ENV: "production", ...options.env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
}

export async function waitForHealthy(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the web server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the web server did not answer at ${url} within ${timeoutMs / 1000} s`);
}

export const nextLogFile = (dataDir: string) => path.join(dataDir, "web.log");
