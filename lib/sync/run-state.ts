import "server-only";
import type { RecordKind } from "@/connectors/sdk";
import type { NodeKind } from "@/lib/sync/resolve-sql";
import type { HeldSweepEntry, KindCounts, RunCounts, RunError, RunSummary } from "@/lib/sync/types";

/** Errors kept on the run row and in the summary; the rest are only counted. */
export const MAX_STORED_ERRORS = 1000;

type Gap = RunSummary["coverageGaps"][number];

/**
 * A (scope, stream) of the run. Its sweep runs after the whole run, because several units can
 * feed one group (a child stream is listed once per parent; an import may hold several files of
 * one stream); it is swept only if every one of its units was clean.
 */
export type SweepGroup = {
  scope: string;
  stream: string;
  parentStream: string | undefined;
  externalTypes: readonly string[];
  clean: boolean;
  /** The group staged people, so it owns ("person") records of its scope for the sweep. */
  emitsPeople: boolean;
};

const zero = (): KindCounts => ({ added: 0, updated: 0, unchanged: 0, gone: 0, returned: 0 });

/** What a run has learnt so far: counts, errors, gaps and groups. */
export class RunState {
  readonly counts: RunCounts = {};
  readonly errors: RunError[] = [];
  errorCount = 0;
  readonly coverageGaps: Gap[] = [];
  readonly groups = new Map<string, SweepGroup>();
  readonly held: HeldSweepEntry[] = [];
  /** External type → kind, as staged this run (edge end hints). */
  readonly typeKinds = new Map<string, NodeKind>();
  unitsMerged = 0;
  unitsFailed = 0;

  addError(error: RunError): void {
    this.errorCount += 1;
    if (this.errors.length < MAX_STORED_ERRORS) this.errors.push(error);
  }

  addGap(gap: Gap): void {
    this.coverageGaps.push(gap);
  }

  count(kind: RecordKind, field: keyof KindCounts, n: number): void {
    if (n === 0) return;
    const counts = (this.counts[kind] ??= zero());
    counts[field] += n;
  }

  group(scope: string, stream: { name: string; parent: string | undefined; externalTypes: readonly string[] }): SweepGroup {
    const key = `${scope}\0${stream.name}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { scope, stream: stream.name, parentStream: stream.parent, externalTypes: stream.externalTypes, clean: true, emitsPeople: false };
      this.groups.set(key, group);
    }
    return group;
  }
}
