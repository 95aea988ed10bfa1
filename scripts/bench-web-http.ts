/*
 * The HTTP half of `npm run bench:web`: the production Keyward server (`next start`, built by
 * `npm run build`) against the benchmark's database, signed in as an analyst through next-auth's
 * credentials endpoint, so a measurement times what a browser waits for: the whole server
 * response (session check, data layer, rendering), not only the queries.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { hashPassword } from "@/lib/auth/passwords";

const ROOT = path.resolve(import.meta.dirname, "..");
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");
const EMAIL = "bench-analyst@example.com";
const PASSWORD = `bench-${randomUUID()}`;

export type BenchServer = {
  get: (pathAndQuery: string) => Promise<number>;
  /** The JavaScript a page loads (its <script src> files), gzipped as a browser would fetch it. */
  pageJavaScript: (pathAndQuery: string) => Promise<{ files: number; bytes: number; gzipBytes: number }>;
  stop: () => Promise<void>;
};

function cookiesOf(response: Response, jar: Map<string, string>): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const at = pair!.indexOf("=");
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the Keyward server exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the Keyward server did not answer ${base}/api/health within 60 s`);
}

/** Starts the built server on `port` against `databaseUrl` with an analyst user, signed in. */
export async function startBenchServer(databaseUrl: string, port: number): Promise<BenchServer> {
  if (!fs.existsSync(path.join(ROOT, ".next/BUILD_ID"))) throw new Error("no production build: run `npm run build` first");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`INSERT INTO users (id, email, name, role, password_hash) VALUES ($1, $2, 'Benchmark analyst', 'analyst', $3)`, [
    randomUUID(), EMAIL, await hashPassword(PASSWORD),
  ]);
  await client.end();

  const base = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyward-bench-web-"));
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(KEYWARD_|OIDC_|NEXTAUTH_|AUTH_|DATABASE_URL$)/.test(name)));
  const child = spawn(process.execPath, [NEXT_BIN, "start", "--hostname", "127.0.0.1", "--port", String(port)], {
    cwd: ROOT,
    env: { ...env, DATABASE_URL: databaseUrl, NEXTAUTH_URL: base, KEYWARD_URL: base, KEYWARD_DATA_DIR: dataDir, KEYWARD_HOME: ROOT, KEYWARD_DEMO: "off", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
    detached: true,
  });
  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid, "SIGTERM");
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(base, child);
    const jar = new Map<string, string>();
    const csrf = await fetch(`${base}/api/auth/csrf`);
    cookiesOf(csrf, jar);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: base, cookie: cookieHeader(jar) },
      body: new URLSearchParams({ csrfToken, email: EMAIL, password: PASSWORD, callbackUrl: `${base}/`, json: "true" }),
    });
    cookiesOf(signIn, jar);
    const me = await fetch(`${base}/api/v1/me`, { headers: { cookie: cookieHeader(jar) } });
    if (me.status !== 200) throw new Error(`signing in the benchmark analyst failed (GET /api/v1/me answered ${me.status})`);
    const cookie = cookieHeader(jar);
    return {
      stop,
      async pageJavaScript(pathAndQuery) {
        const html = await (await fetch(`${base}${pathAndQuery}`, { headers: { cookie } })).text();
        const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((m) => m[1]!))];
        let bytes = 0;
        let gzipBytes = 0;
        for (const src of sources) {
          const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
          bytes += body.length;
          gzipBytes += gzipSync(body, { level: 6 }).length;
        }
        return { files: sources.length, bytes, gzipBytes };
      },
      // Milliseconds until the whole body arrived; anything but 200 is an error, not a figure.
      async get(pathAndQuery) {
        const started = performance.now();
        const response = await fetch(`${base}${pathAndQuery}`, { headers: { cookie } });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`GET ${pathAndQuery} answered ${response.status}`);
        return performance.now() - started;
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
