import "server-only";
import type pg from "pg";
import type { Db, Tx } from "@/lib/db";

/**
 * The policy engine runs on either a Prisma client (the web app, `getDb()`) or a plain `pg`
 * client (the sync runner and the CLI's bulk paths, the benchmark). Both reach PostgreSQL through
 * node-postgres, so the SQL is identical; only how a statement is sent differs.
 */
export type SqlExecutor = {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** The underlying transaction handle, for appendAuditEvents. */
  handle: Tx | pg.ClientBase;
};

export type SqlTarget = Db | pg.ClientBase;

function isPrisma(target: Db | Tx | pg.ClientBase): target is Db | Tx {
  return "$queryRawUnsafe" in target;
}

export function executorOf(handle: Tx | pg.ClientBase): SqlExecutor {
  if (isPrisma(handle)) {
    return { handle, query: <T>(sql: string, params: unknown[] = []) => handle.$queryRawUnsafe<T[]>(sql, ...params) };
  }
  return { handle, query: async <T>(sql: string, params: unknown[] = []) => (await handle.query(sql, params)).rows as T[] };
}

/** Evaluations over a million credentials take tens of seconds; Prisma's default is 5 s. */
const TRANSACTION_TIMEOUT_MS = 15 * 60_000;

/**
 * Runs `fn` in one transaction: Prisma's interactive transaction, or BEGIN/COMMIT on the pg
 * client (which must not already be inside a transaction).
 */
export async function inTransaction<T>(
  target: SqlTarget,
  fn: (executor: SqlExecutor) => Promise<T>,
  options: { readOnly?: boolean } = {},
): Promise<T> {
  const begin = options.readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN";
  if (isPrisma(target)) {
    return (target as Db).$transaction(
      async (tx) => {
        if (options.readOnly) await tx.$executeRawUnsafe("SET TRANSACTION READ ONLY");
        return fn(executorOf(tx));
      },
      // One consistent snapshot for every rule of a read-only (point-in-time) evaluation.
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 60_000, isolationLevel: options.readOnly ? "RepeatableRead" : undefined },
    );
  }
  await target.query(begin);
  try {
    const result = await fn(executorOf(target));
    await target.query("COMMIT");
    return result;
  } catch (error) {
    await target.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
