import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { resolveDatabaseUrl } from "@/lib/runtime/database";

export type Db = PrismaClient;
/** A transaction client: what `db.$transaction(async (tx) => …)` hands to its callback. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

const globalForPrisma = globalThis as unknown as { keywardPrisma?: PrismaClient };

/** The process-wide client (one pool per process; survives dev hot reloads). */
export function getDb(): PrismaClient {
  globalForPrisma.keywardPrisma ??= createPrismaClient(resolveDatabaseUrl());
  return globalForPrisma.keywardPrisma;
}
