import { acquireDatabase, type DatabaseHandle } from "@/lib/runtime/database";

/**
 * Runs `fn` with the database up: the embedded server is started on demand and stopped again
 * afterwards, unless another Keyward process (e.g. `npm start`) is already running it.
 */
export async function withDatabase<T>(fn: (database: DatabaseHandle) => Promise<T>, log = (line: string) => console.error(line)): Promise<T> {
  const database = await acquireDatabase({ log });
  try {
    return await fn(database);
  } finally {
    await database.release();
  }
}
