import "server-only";
import PgBoss from "pg-boss";
import { createSyncQueue } from "@/lib/jobs/sync-queue";
import { resolveDatabaseUrl } from "@/lib/runtime/database";

/*
 * The web server only sends `sync` jobs; workers (lib/jobs/worker.ts) run them. Its pg-boss is
 * created on the first "Sync now" (a server that nobody asks to sync opens no job connections),
 * with no supervision, no cron and no workers, and shared by every request of the process.
 */

type Sender = { boss: PgBoss; ready: Promise<void> };

const holder = globalThis as unknown as { keywardSyncSender?: Sender };

function createSender(connectionString: string): Sender {
  const boss = new PgBoss({
    connectionString,
    schema: "pgboss",
    application_name: "keyward-web",
    supervise: false,
    schedule: false,
    // A sender holds few connections: a send is one INSERT.
    max: 2,
  });
  // pg-boss emits pool errors; without a listener they would crash the web server.
  boss.on("error", () => undefined);
  const ready = boss.start().then(() => createSyncQueue(boss));
  return { boss, ready };
}

/** The process's sending pg-boss, started (and the `sync` queue created) on first use. */
export async function getSyncSender(connectionString: string = resolveDatabaseUrl()): Promise<PgBoss> {
  holder.keywardSyncSender ??= createSender(connectionString);
  const sender = holder.keywardSyncSender;
  try {
    await sender.ready;
  } catch (error) {
    // A failed start (database down) must not stick: the next request tries again.
    if (holder.keywardSyncSender === sender) holder.keywardSyncSender = undefined;
    throw error;
  }
  return sender.boss;
}

/** Stops the sender if one was started (tests; a server shutting down). */
export async function stopSyncSender(): Promise<void> {
  const sender = holder.keywardSyncSender;
  holder.keywardSyncSender = undefined;
  if (!sender) return;
  await sender.ready.catch(() => undefined);
  await sender.boss.stop({ graceful: false, wait: true });
}
