/**
 * Typed errors of the sync engine. `code` is stable so the CLI, the job worker and the web layer
 * can branch on it (e.g. show "a sync of this source is already running") without parsing text.
 */
export type SyncErrorCode =
  | "SYNC_BUSY"
  | "SOURCE_NOT_FOUND"
  | "SOURCE_MISMATCH"
  | "SOURCE_INVALID"
  | "RUN_NOT_FOUND"
  | "SWEEP_NOT_HELD"
  | "SWEEP_ALREADY_APPROVED"
  | "SWEEP_STALE";

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Another sync (or a sweep approval) of the same source holds its lock and lockMode was "fail". */
export class SyncBusyError extends SyncError {
  constructor(readonly sourceId: string) {
    super("SYNC_BUSY", `source ${sourceId}: a sync of this source is already running`);
  }
}

export class SourceNotFoundError extends SyncError {
  constructor(readonly sourceId: string) {
    super("SOURCE_NOT_FOUND", `source ${sourceId}: no such source`);
  }
}

/** `ensureSource` found a source of that name configured for another provider. */
export class SourceMismatchError extends SyncError {
  constructor(name: string, existingProvider: string, requestedProvider: string) {
    super(
      "SOURCE_MISMATCH",
      `source "${name}" is a ${existingProvider} source; it cannot receive ${requestedProvider} records`,
    );
  }
}

export class HeldSweepError extends SyncError {
  constructor(code: Extract<SyncErrorCode, "RUN_NOT_FOUND" | "SWEEP_NOT_HELD" | "SWEEP_ALREADY_APPROVED" | "SWEEP_STALE">, message: string) {
    super(code, message);
  }
}
