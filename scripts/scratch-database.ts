/*
 * What the benchmark and sample scripts share: a fresh, migrated database on the test server
 * (test/support/database-server.ts) that is dropped afterwards, and a timed step printed as it ends.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { runMigrations } from "@/lib/migrate/run-migrations";
import { startTestServer } from "@/test/support/database-server";

export type ScratchDatabase = { name: string; url: string; client: pg.Client };

/**
 * Creates `<prefix>_<random>`, migrates it, points DATABASE_URL at it (for code that opens its own
 * connections), runs `work` with a connected client, then drops it unless `keep` is set.
 */
export async function withScratchDatabase<T>(prefix: string, options: { keep?: boolean }, work: (db: ScratchDatabase) => Promise<T>): Promise<T> {
  const server = await startTestServer();
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server.adminUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    await runMigrations(url.toString(), { dir: path.resolve(import.meta.dirname, "../prisma/migrations") });
    await client.connect();
    return await work({ name, url: url.toString(), client });
  } finally {
    await client.end().catch(() => undefined);
    if (options.keep) console.log(`kept database ${name} at ${url.toString()}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    await server.stop();
  }
}

export const seconds = (ms: number) => (ms / 1000).toFixed(2);

/** Runs `fn` and prints `label  N.NN s` with the label padded to `width`. */
export async function timed<T>(label: string, fn: () => Promise<T> | T, width = 44): Promise<T> {
  const started = performance.now();
  const result = await fn();
  console.log(`${label.padEnd(width)} ${seconds(performance.now() - started).padStart(8)} s`);
  return result;
}
