import type { AuditActor } from "@/lib/audit/audit-hash";
import type { RunSummary } from "@/lib/sync/types";

/** Options of `importPath`. */
export type ImportOptions = {
  /**
   * Source to load into. A string names one source (the files must then all belong to one
   * provider); a function names the source of each provider (the demo uses `demo-<provider>`).
   * Default: `<provider>-import`.
   */
  source?: string | ((provider: string) => string);
  /** Environment of records that name none (e.g. "prod"); also the new source's default. */
  environment?: string;
  /**
   * The files are the complete inventory of their source: records of it they no longer contain
   * are marked gone. Off by default — an import of some files must not retire the others' records.
   */
  complete?: boolean;
  connectionString: string;
  keys: { fingerprintKey: Buffer; auditKey: Buffer };
  actor: AuditActor;
  /** Progress lines for a person (never values). */
  log?: (line: string) => void;
};

/** One problem with one file: printed `file: line N: field: reason`. Never holds file content. */
export type FileProblem = { field?: string; line?: number; reason: string };

export type FileStatus =
  /** Recognised and valid; `loaded` says whether its source's run committed it. */
  | "ok"
  /** No format recognises the content. */
  | "unrecognised"
  /** Recognised but malformed (or its records would not load): nothing of it is loaded. */
  | "invalid"
  /** Not read: a link outside the root, a special file, too large. */
  | "skipped";

export type FileReport = {
  path: string;
  status: FileStatus;
  format: string | null;
  provider: string | null;
  /** Records the file holds (after the transform); 0 unless `status` is "ok". */
  records: number;
  loaded: boolean;
  errors: FileProblem[];
};

export type SourceReport = {
  name: string;
  provider: string;
  sourceId: string;
  summary: RunSummary;
};

export type ImportReport = {
  /** True only when every file was recognised and loaded, and every run succeeded. */
  ok: boolean;
  files: FileReport[];
  sources: SourceReport[];
  /** Why nothing (or not everything) was done, in a sentence each. */
  notes: string[];
};

export type ImportErrorCode = "NOT_FOUND" | "NOT_MIGRATED" | "SOURCE_AMBIGUOUS" | "INVALID_OPTION";

/** A problem with the import as a whole (not with one file): one line for the CLI. */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ImportError";
  }
}
