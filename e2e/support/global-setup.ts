import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { FullConfig } from "@playwright/test";
import pg from "pg";
import { startTestServer, type TestServer } from "../../test/support/database-server";
import { runMigrations } from "../../lib/migrate/run-migrations";
import { hashPassword } from "../../lib/auth/passwords";
import { isBuildCurrent } from "../../cli/build-state";
import { startOidcServer, type OidcServer } from "./oidc-server";
import {
  APP_PORT,
  BASE_URL,
  ENV_BASE_URL,
  ENV_DATABASE_URL,
  ENV_PASSWORD,
  OIDC_CLIENT_ID,
  OIDC_CLIENT_SECRET,
  OIDC_DISPLAY_NAME,
  OIDC_ISSUER,
  OIDC_PORT,
  PASSWORD,
  SSO_USER,
  USERS,
} from "./settings";

/**
 * Prepares one run: a fresh migrated database with seeded users, a test OIDC provider and the
 * production Keyward server. Returns the teardown, which removes all of it again.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");
const HEALTH_TIMEOUT_MS = 60_000;

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

function withDatabase(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function seedUsers(url: string): Promise<void> {
  const passwordHash = await hashPassword(PASSWORD);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const [role, email] of Object.entries(USERS)) {
      await client.query(`INSERT INTO users (id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5)`, [
        randomUUID(),
        email,
        `E2E ${role}`,
        role,
        passwordHash,
      ]);
    }
    await client.query(`INSERT INTO users (id, email, name, role, password_hash) VALUES ($1, $2, $3, 'analyst', NULL)`, [
      randomUUID(),
      SSO_USER,
      "E2E single sign-on user",
    ]);
  } finally {
    await client.end();
  }
}

/** The environment of the server: the developer's own Keyward and OIDC settings must not leak in. */
function serverEnv(databaseUrl: string, dataDir: string): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(KEYWARD_|OIDC_|NEXTAUTH_|AUTH_|DATABASE_URL$)/.test(name)),
  );
  return {
    ...inherited,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: BASE_URL,
    KEYWARD_URL: BASE_URL,
    KEYWARD_DATA_DIR: dataDir,
    KEYWARD_HOME: ROOT,
    KEYWARD_DEMO: "off",
    OIDC_ISSUER,
    OIDC_CLIENT_ID,
    OIDC_CLIENT_SECRET,
    OIDC_DISPLAY_NAME,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no server output)";
  }
}

async function waitForHealthy(child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the Keyward server exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${tail(logFile)}`,
      );
    }
    try {
      const response = await fetch(`${BASE_URL}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `the Keyward server did not answer ${BASE_URL}/api/health within ${HEALTH_TIMEOUT_MS / 1000} s:\n${tail(logFile)}`,
  );
}

/** SIGTERM to the server's process group, SIGKILL after 5 s. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  if (!fs.existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    throw new Error("No production build (.next/BUILD_ID is missing): run npm run build first.");
  }
  if (!isBuildCurrent(ROOT)) {
    console.warn(
      "e2e: the production build is older than the sources; these tests run the old build (npm run build refreshes it).",
    );
  }
  for (const [port, what] of [
    [APP_PORT, "the Keyward server (KEYWARD_E2E_APP_PORT)"],
    [OIDC_PORT, "the test OIDC provider (KEYWARD_E2E_OIDC_PORT)"],
  ] as const) {
    if (!(await portIsFree(port))) {
      throw new Error(
        `Port ${port} on 127.0.0.1, needed for ${what}, is taken; stop whatever holds it (ss -ltnp 'sport = :${port}') or choose another port in 3100–3199.`,
      );
    }
  }

  const cleanups: Array<() => Promise<void>> = [];
  const teardown = async () => {
    // Reverse order: server first (it holds database connections), then the database, then PostgreSQL.
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error(`e2e teardown: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };

  try {
    const dbServer: TestServer = await startTestServer();
    cleanups.push(() => dbServer.stop());

    const name = `kw_e2e_${randomBytes(6).toString("hex")}`;
    await onAdmin(dbServer.adminUrl, `CREATE DATABASE ${name}`);
    cleanups.push(() => onAdmin(dbServer.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    const databaseUrl = withDatabase(dbServer.adminUrl, name);
    await runMigrations(databaseUrl, { dir: path.join(ROOT, "prisma/migrations") });
    await seedUsers(databaseUrl);

    const oidc: OidcServer = await startOidcServer({
      port: OIDC_PORT,
      issuer: OIDC_ISSUER,
      clientId: OIDC_CLIENT_ID,
      clientSecret: OIDC_CLIENT_SECRET,
      redirectUri: `${BASE_URL}/api/auth/callback/oidc`,
    });
    cleanups.push(() => oidc.close());

    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyward-e2e-"));
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const logFile = path.join(dataDir, "web.log");
    const log = fs.openSync(logFile, "a");
    // Own process group, so the teardown's signal reaches anything next start may fork.
    const server = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(APP_PORT), "-H", "127.0.0.1"], {
      cwd: ROOT,
      env: serverEnv(databaseUrl, dataDir),
      stdio: ["ignore", log, log],
      detached: true,
    });
    fs.closeSync(log);
    // Last resort if the runner exits without running the teardown.
    const killOnExit = () => {
      try {
        if (server.pid !== undefined && server.exitCode === null) process.kill(-server.pid, "SIGKILL");
      } catch {
        // already gone
      }
    };
    process.on("exit", killOnExit);
    const outputDir = config.projects[0]?.outputDir ?? path.join(ROOT, "test-results");
    cleanups.push(async () => {
      // Kept for debugging next to the other artifacts (the temporary folder is removed).
      fs.mkdirSync(outputDir, { recursive: true });
      fs.copyFileSync(logFile, path.join(outputDir, "keyward-server.log"));
    });
    cleanups.push(async () => {
      await stopServer(server);
      process.off("exit", killOnExit);
    });
    await waitForHealthy(server, logFile);

    process.env[ENV_DATABASE_URL] = databaseUrl;
    // e2e/sources.spec.ts starts a worker that must use the server's instance keys.
    process.env.KEYWARD_E2E_DATA_DIR = dataDir;
    process.env[ENV_BASE_URL] = BASE_URL;
    process.env[ENV_PASSWORD] = PASSWORD;
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
