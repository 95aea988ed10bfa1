import type { ConnectorTypeDto } from "@/lib/sources/connector-catalogue";

/*
 * What the Sources page and its API receive. Built field by field from rows: never a Prisma row
 * with extra fields, and never `credentials_encrypted` — secrets appear only as "set / not set".
 */

export type RunProgressDto = {
  stream: string | null;
  scope: string | null;
  pages: number;
  items: number;
  unitsDone: number;
  unitsTotal: number | null;
};

export type KindCountsDto = { added: number; updated: number; unchanged: number; gone: number; returned: number };

export type RunDto = {
  id: string;
  status: string;
  mode: string;
  requestedBy: string | null;
  generation: string;
  startedAt: string;
  finishedAt: string | null;
  progress: RunProgressDto;
  counts: Record<string, KindCountsDto>;
  coverageGaps: { scope: string; stream: string; reason: string; detail: string }[];
  errors: { origin: string; stream: string; scope: string; field?: string; line?: number; reason: string }[];
  heldSweep: {
    threshold: number;
    minimumPresent: number;
    entries: { scope: string; stream: string; kind: string; externalType: string; wouldRetire: number; present: number }[];
    /** Set once an admin approved it (lib/sources/approve-sweep.ts). */
    approvedAt?: string;
    approvedBy?: string;
  } | null;
};

export type SourceSummaryDto = {
  id: string;
  name: string;
  provider: string;
  displayName: string;
  environment: string | null;
  schedule: string | null;
  lastCompleteSyncAt: string | null;
  latestRun: { status: string; startedAt: string; finishedAt: string | null } | null;
};

export type SecretFieldStatus = { field: string; label: string; set: boolean };

export type SourceDetailDto = SourceSummaryDto & {
  connector: ConnectorTypeDto;
  /** The stored (non-secret) config as the form's text, by field path. */
  configText: Record<string, string>;
  secrets: SecretFieldStatus[];
  /** The next occurrences of `schedule` (ISO), empty when there is none. */
  nextRuns: string[];
  runs: RunDto[];
};

/** A sync run still queued in the job queue (pg-boss), before or between attempts. */
export type PendingSyncDto = { state: "queued" | "retrying" | "starting"; since: string };

/** What the progress bar polls. */
export type SyncStatusDto = { pending: PendingSyncDto | null; run: RunDto | null };

export type SyncRunRow = {
  id: string;
  status: string;
  mode: string;
  requested_by: string | null;
  generation: string;
  started_at: Date;
  finished_at: Date | null;
  progress: unknown;
  counts: unknown;
  coverage_gaps: unknown;
  errors: unknown;
  held_sweep: unknown;
};

const num = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) ? value : 0);
const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

export function toRunDto(row: SyncRunRow): RunDto {
  const p = (row.progress ?? {}) as Record<string, unknown>;
  return {
    id: row.id,
    status: row.status,
    mode: row.mode,
    requestedBy: row.requested_by,
    generation: row.generation,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    progress: {
      stream: text(p.stream),
      scope: text(p.scope),
      pages: num(p.pages),
      items: num(p.items),
      unitsDone: num(p.unitsDone),
      unitsTotal: typeof p.unitsTotal === "number" ? p.unitsTotal : null,
    },
    counts: (row.counts ?? {}) as RunDto["counts"],
    coverageGaps: Array.isArray(row.coverage_gaps) ? (row.coverage_gaps as RunDto["coverageGaps"]) : [],
    errors: Array.isArray(row.errors) ? (row.errors as RunDto["errors"]) : [],
    heldSweep: (row.held_sweep ?? null) as RunDto["heldSweep"],
  };
}

/** Columns of `SyncRunRow`, for the queries that read runs. */
export const SYNC_RUN_COLUMNS = `r.id::text, r.status, r.mode, r.requested_by, r.generation::text, r.started_at, r.finished_at,
  r.progress, r.counts, r.coverage_gaps, r.errors, r.held_sweep`;
