import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { resolveDatabaseUrl } from "@/lib/runtime/database";

export type Db = PrismaClient;
/** A transaction client: what `db.$transaction(async (tx) => …)` hands to its callback. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

const globalForPrisma = globalThis as unknown as { keywardPrisma?: PrismaClient; keywardReadPool?: pg.Pool };

/** The process-wide client (one pool per process; survives dev hot reloads). */
export function getDb(): PrismaClient {
  globalForPrisma.keywardPrisma ??= createPrismaClient(resolveDatabaseUrl());
  return globalForPrisma.keywardPrisma;
}

/**
 * A small node-postgres pool beside Prisma's, for reads that need several statements in one
 * snapshot (the blast radius walk): Prisma's interactive transaction adds about a millisecond per
 * statement, which was most of the walk's time. Borrow a client with `withReadClient`.
 */
function getReadPool(): pg.Pool {
  if (!globalForPrisma.keywardReadPool) {
    const pool = new pg.Pool({ connectionString: resolveDatabaseUrl(), max: 4, idleTimeoutMillis: 30_000, allowExitOnIdle: true });
    // An idle client whose connection dropped (a database restart) is discarded and replaced on the
    // next connect; unhandled, node-postgres would rethrow it and end the process.
    pool.on("error", () => undefined);
    globalForPrisma.keywardReadPool = pool;
  }
  return globalForPrisma.keywardReadPool;
}

/** Runs `fn` on a client of the read pool and gives the client back, whatever happens. */
export async function withReadClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await getReadPool().connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}
