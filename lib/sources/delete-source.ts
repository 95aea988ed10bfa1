import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-events";
import { callerAsActor, requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseSourceId } from "@/lib/sources/read-sources";

/** Advisory lock class of "one sync per source" (lib/sync/run-lock.ts): a running sync holds it. */
const SOURCE_LOCK_CLASS = 7_372_003;

/**
 * Deletes a source and, by cascade, everything it discovered and its run history. Irreversible,
 * so the caller must type the source's name. Refused while a sync of it runs (it holds the
 * source lock). Audited `source.deleted` with the numbers that went with it.
 */
export async function deleteSource(caller: Caller, id: string, confirmName: unknown): Promise<void> {
  requirePermission(caller, "sources:manage");
  const sourceId = parseSourceId(id);
  await getDb().$transaction(async (tx) => {
    const [source] = await tx.$queryRaw<{ name: string; provider: string }[]>`
      SELECT name, provider FROM sources WHERE id = ${sourceId}::uuid FOR UPDATE`;
    if (!source) throw new AppError("NOT_FOUND", "That source does not exist.");
    if (typeof confirmName !== "string" || confirmName.trim() !== source.name) {
      throw new AppError("INVALID_INPUT", `Type the source's name, ${source.name}, to delete it.`, "confirmName");
    }
    const [lock] = await tx.$queryRaw<{ free: boolean }[]>`SELECT pg_try_advisory_xact_lock(${SOURCE_LOCK_CLASS}::int, hashtext(${sourceId})) AS free`;
    if (!lock?.free) throw new AppError("CONFLICT", "A sync of this source is running; delete it when the sync has finished.");
    const [counts] = await tx.$queryRaw<{ identities: number; credentials: number; runs: number }[]>`
      SELECT (SELECT count(*)::int FROM identities WHERE source_id = ${sourceId}::uuid) AS identities,
             (SELECT count(*)::int FROM credentials WHERE source_id = ${sourceId}::uuid) AS credentials,
             (SELECT count(*)::int FROM sync_runs WHERE source_id = ${sourceId}::uuid) AS runs`;
    await tx.source.delete({ where: { id: sourceId } });
    await appendAuditEvent(tx, {
      actor: callerAsActor(caller),
      action: "source.deleted",
      target: { type: "source", id: sourceId },
      summary: { name: source.name, provider: source.provider, ...counts },
    });
  });
}
