import type { ParentRef, Scope, StreamDefinition } from "@/connectors/sdk";
import type { AuditActor } from "@/lib/audit/audit-hash";

/**
 * The contract between whoever produces raw items (a live connector's `list()` pages, or offline
 * files parsed by a format) and the runner that transforms, stages, merges and sweeps them.
 */

/** One (scope, stream[, parent]) to load. Its pages are raw provider items. */
export type WorkUnit = {
  scope: Scope;
  stream: StreamDefinition;
  parent?: ParentRef;
  /** Raw items, page by page. Throwing marks the unit not clean: nothing of it is retired. */
  pages: AsyncIterable<readonly unknown[]>;
  /** Where the items came from, for error messages (a file path, "live"). */
  origin: string;
  /**
   * Live traversals know their progress in (scope, stream) steps, not units (a child stream has a
   * unit per parent): `done` steps were finished before this unit, of `total`.
   */
  step?: { done: number; total: number };
};

export type RunMode = "live" | "import";

export type RunStatus = "queued" | "running" | "succeeded" | "partial" | "failed" | "held";

export type RunProgress = {
  stream: string | null;
  scope: string | null;
  pages: number;
  items: number;
  unitsDone: number;
  unitsTotal: number | null;
};

export type KindCounts = { added: number; updated: number; unchanged: number; gone: number; returned: number };
export type RunCounts = Partial<Record<"identity" | "credential" | "resource" | "person" | "edge", KindCounts>>;

/**
 * An item or page that failed, named so a person can find it. Never contains a secret value.
 * `page` and `item` are 1-based positions inside the unit (extension: the importer maps them to lines).
 */
export type RunError = {
  origin: string;
  stream: string;
  scope: string;
  field?: string;
  line?: number;
  page?: number;
  item?: number;
  reason: string;
};

export type RunOptions = {
  connectionString: string;
  sourceId: string;
  mode: RunMode;
  actor: AuditActor;
  fingerprintKey: Buffer;
  auditKey: Buffer;
  /** Retire records a clean unit no longer reports. Live syncs: true. Imports: only when the files are declared complete. */
  sweep: boolean;
  /** Share of a (source, scope, type)'s present records a sweep may retire before it is held [0.15]. */
  sweepThreshold?: number;
  /** Applied to records that carry no environment. */
  defaultEnvironment?: string;
  /** "wait" queues behind a running sync of the same source; "fail" refuses at once. */
  lockMode?: "wait" | "fail";
  onProgress?: (progress: RunProgress) => void;
  /** Extension, for tests and benchmarks: the loader's batch sizes (defaults suit production). */
  tuning?: LoaderTuning;
};

export type LoaderTuning = {
  /** Bytes per COPY into staging [1 MiB]. */
  chunkBytes?: number;
};

/** One (scope, external type) whose sweep was held: it would retire `wouldRetire` of `present` records. */
export type HeldSweepEntry = { scope: string; stream: string; kind: string; externalType: string; wouldRetire: number; present: number };

export type RunSummary = {
  runId: string;
  generation: bigint;
  status: RunStatus;
  counts: RunCounts;
  /** The first errors (capped, see `errorCount`). */
  errors: RunError[];
  /** Extension: every error, including those beyond the stored cap. */
  errorCount?: number;
  coverageGaps: { scope: string; stream: string; reason: string; detail: string }[];
  /** The first held (scope, type); `heldSweeps` lists them all. */
  held: { scope: string; externalType: string; wouldRetire: number; present: number } | null;
  /** Extension: every (scope, type) whose sweep was held, with its numbers. */
  heldSweeps?: HeldSweepEntry[];
};
