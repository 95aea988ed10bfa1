import "server-only";
import { z } from "zod";
import { requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { getInstanceKeys } from "@/lib/runtime/instance-keys";
import { configFormText } from "@/lib/sources/config-input";
import { findConnectorType } from "@/lib/sources/connector-catalogue";
import { fieldLabel } from "@/lib/sources/config-fields";
import { upcomingRuns } from "@/lib/sources/schedule";
import { storedSecrets } from "@/lib/sources/source-secrets";
import { SYNC_RUN_COLUMNS, toRunDto, type SourceDetailDto, type SourceSummaryDto, type SyncRunRow } from "@/lib/sources/source-dto";

/** Runs the history table shows: the newest, by the (source_id, started_at DESC) index. */
export const RUN_HISTORY_LIMIT = 20;

/** Sources are configured by hand: hundreds at most, so one page holds them all. */
const SOURCES_LIMIT = 500;

const sourceIdSchema = z.uuid({ error: "Not a source id." });

/** The id, or INVALID_INPUT naming `sourceId` (a malformed id never reaches SQL). */
export function parseSourceId(id: string): string {
  const parsed = sourceIdSchema.safeParse(id);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Not a source id.", "sourceId");
  return parsed.data;
}

type SummaryRow = {
  id: string;
  name: string;
  provider: string;
  environment: string | null;
  schedule: string | null;
  last_complete_sync_at: Date | null;
  run_status: string | null;
  run_started_at: Date | null;
  run_finished_at: Date | null;
};

function toSummary(row: SummaryRow): SourceSummaryDto {
  return {
    id: row.id,
    name: row.name,
    provider: row.provider,
    displayName: findConnectorType(row.provider)?.displayName ?? row.provider,
    environment: row.environment,
    schedule: row.schedule,
    lastCompleteSyncAt: row.last_complete_sync_at?.toISOString() ?? null,
    latestRun:
      row.run_status && row.run_started_at
        ? { status: row.run_status, startedAt: row.run_started_at.toISOString(), finishedAt: row.run_finished_at?.toISOString() ?? null }
        : null,
  };
}

/** Selects sources with their latest run; `only` narrows to one id. */
async function querySummaries(only: string | null): Promise<SummaryRow[]> {
  return getDb().$queryRaw<SummaryRow[]>`
    SELECT s.id::text, s.name, s.provider, s.environment, s.schedule, s.last_complete_sync_at,
           r.status AS run_status, r.started_at AS run_started_at, r.finished_at AS run_finished_at
    FROM sources s
    LEFT JOIN LATERAL (SELECT status, started_at, finished_at FROM sync_runs WHERE source_id = s.id ORDER BY started_at DESC LIMIT 1) r ON true
    WHERE (${only}::uuid IS NULL OR s.id = ${only}::uuid)
    ORDER BY s.name
    LIMIT ${SOURCES_LIMIT}`;
}

/** Every source with its latest run, by name. */
export async function listSources(caller: Caller): Promise<SourceSummaryDto[]> {
  requirePermission(caller, "sync:run");
  return (await querySummaries(null)).map(toSummary);
}

/** The newest runs of a source, newest first. */
export async function listSourceRuns(sourceId: string, limit = RUN_HISTORY_LIMIT) {
  const rows = await getDb().$queryRaw<SyncRunRow[]>`
    SELECT ${Prisma.raw(SYNC_RUN_COLUMNS)} FROM sync_runs r WHERE r.source_id = ${sourceId}::uuid ORDER BY r.started_at DESC LIMIT ${limit}`;
  return rows.map(toRunDto);
}

/** One source for its page: config as form text, secrets as set/not set, schedule preview, run history. */
export async function getSourceDetail(caller: Caller, id: string): Promise<SourceDetailDto> {
  requirePermission(caller, "sync:run");
  const sourceId = parseSourceId(id);
  const [summary] = await querySummaries(sourceId);
  if (!summary) throw new AppError("NOT_FOUND", "That source does not exist.");
  const stored = await getDb().source.findUniqueOrThrow({ where: { id: sourceId }, select: { config: true, credentialsEncrypted: true } });
  const connector = findConnectorType(summary.provider);
  if (!connector) throw new AppError("CONFLICT", `No connector is installed for provider "${summary.provider}".`);
  // Only the names of the stored secrets leave this function.
  const setSecrets = new Set(Object.keys(storedSecrets(sourceId, stored.credentialsEncrypted, getInstanceKeys().encryptionKey)));
  const config = typeof stored.config === "object" && stored.config !== null ? (stored.config as Record<string, unknown>) : {};
  return {
    ...toSummary(summary),
    connector,
    configText: configFormText(connector.fields, config),
    secrets: connector.secretFields.map((field) => ({ field, label: fieldLabel(field), set: setSecrets.has(field) })),
    nextRuns: summary.schedule ? upcomingRuns(summary.schedule) : [],
    runs: await listSourceRuns(sourceId),
  };
}
