import "server-only";
import type pg from "pg";
import type { RunProgress } from "@/lib/sync/types";

/**
 * How often progress is written to sync_runs and handed to `onProgress`: often enough for a live
 * progress bar, rarely enough that a fast load does not spend its time reporting.
 */
export const PROGRESS_INTERVAL_MS = 500;

/** Throttled progress of one run: kept in memory, persisted on `report()`. */
export class ProgressReporter {
  readonly progress: RunProgress;
  private lastReport = 0;

  constructor(
    private readonly client: pg.Client,
    private readonly runId: string,
    private readonly onProgress: ((progress: RunProgress) => void) | undefined,
    unitsTotal: number | null,
  ) {
    this.progress = { stream: null, scope: null, pages: 0, items: 0, unitsDone: 0, unitsTotal };
  }

  /** Set once a unit reported its step: units then no longer count one by one. */
  private bySteps = false;

  startUnit(stream: string, scope: string, step?: { done: number; total: number }): void {
    this.progress.stream = stream;
    this.progress.scope = scope;
    if (step) {
      this.bySteps = true;
      this.progress.unitsDone = step.done;
      this.progress.unitsTotal = step.total;
    }
  }

  addPage(items: number): void {
    this.progress.pages += 1;
    this.progress.items += items;
  }

  unitDone(): void {
    if (!this.bySteps) this.progress.unitsDone += 1;
  }

  /** The run is over, whatever its outcome: a progress bar shows it full. */
  finish(): void {
    if (this.progress.unitsTotal !== null) this.progress.unitsDone = this.progress.unitsTotal;
  }

  /** True when the last report is older than the interval. */
  due(): boolean {
    return Date.now() - this.lastReport >= PROGRESS_INTERVAL_MS;
  }

  async report(): Promise<void> {
    this.lastReport = Date.now();
    await this.client.query(`UPDATE sync_runs SET progress = $2 WHERE id = $1`, [this.runId, JSON.stringify(this.progress)]);
    // A failing callback (a closed SSE stream, say) must not fail the sync.
    try {
      this.onProgress?.({ ...this.progress });
    } catch {
      /* ignored on purpose */
    }
  }
}
