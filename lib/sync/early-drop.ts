import "server-only";
import type pg from "pg";
import type { RecordKind } from "@/connectors/sdk";
import { SPEC_BY_KIND } from "@/lib/sync/kind-specs";
import { anyTargetSql, earlyDropSql } from "@/lib/sync/merge-sql";

/**
 * Staged rows of one kind are checked against the inventory once this many have arrived since
 * the last check: enough that each check is a fraction of a second of index lookups.
 */
export const EARLY_DROP_ROWS = 50_000;

/** What the early checks of one kind found, so far, in this unit. */
export type EarlyDropTotals = { dropped: number; firstSeen: number; checkedUpTo: number };

/**
 * Drops unchanged rows from staging while the unit is still being staged. A re-sync is mostly
 * unchanged rows, and during staging PostgreSQL waits for Node (which validates and encodes every
 * record); the join that finds unchanged rows then costs no wall time instead of running after
 * the last page. Nothing reaches the inventory here: this only trims the unit's TEMP staging and
 * notes the ids in the run's seen set, which only protects records from a sweep.
 *
 * Not used for a kind once the unit repeated one of its keys, or one of an earlier unit (stager.ts):
 * "the later row wins" needs every occurrence in staging until the final de-duplication, and
 * counting a repeat once needs the seen set checked, which the final merge does.
 */
export class EarlyDrop {
  private totals = new Map<RecordKind, EarlyDropTotals>();
  private pendingRows = new Map<RecordKind, number>();
  private targetsExist = new Map<RecordKind, boolean>();

  constructor(
    private readonly client: pg.Client,
    private readonly run: { sourceId: string; generation: bigint },
    private readonly everyRows = EARLY_DROP_ROWS,
  ) {}

  totalsOf(kind: RecordKind): EarlyDropTotals {
    return this.totals.get(kind) ?? { dropped: 0, firstSeen: 0, checkedUpTo: 0 };
  }

  /** Rows of `kind` up to seq `upTo` are in staging (`rows` of them new). Checks them if enough are waiting. */
  async afterCopy(kind: RecordKind, upTo: number, rows: number, flags: { duplicated: boolean; repeated: boolean }): Promise<void> {
    const pending = (this.pendingRows.get(kind) ?? 0) + rows;
    this.pendingRows.set(kind, pending);
    // Repeats need the seen set checked (a hash anti-join), which this index-only plan cannot do well.
    if (pending < this.everyRows || flags.duplicated || flags.repeated) return;
    this.pendingRows.set(kind, 0);
    const totals = this.totalsOf(kind);
    if (await this.nothingToCompare(kind)) {
      this.totals.set(kind, { ...totals, checkedUpTo: upTo });
      return;
    }
    const { rows: found } = await this.client.query<{ unchanged: number; first_seen: number }>(earlyDropSql(SPEC_BY_KIND[kind]), [
      this.run.sourceId,
      this.run.generation.toString(),
      totals.checkedUpTo,
      upTo,
    ]);
    this.totals.set(kind, {
      dropped: totals.dropped + found[0]!.unchanged,
      firstSeen: totals.firstSeen + found[0]!.first_seen,
      checkedUpTo: upTo,
    });
  }

  /** A first load: the source has no rows of this kind, so no staged row can be unchanged. */
  private async nothingToCompare(kind: RecordKind): Promise<boolean> {
    let exist = this.targetsExist.get(kind);
    if (exist === undefined) {
      const { rows } = await this.client.query<{ any: boolean }>(anyTargetSql(SPEC_BY_KIND[kind]), [this.run.sourceId]);
      exist = rows[0]!.any;
      this.targetsExist.set(kind, exist);
    }
    return !exist;
  }

  /** Forgets the unit (after its merge, or when it failed). */
  reset(): void {
    this.totals.clear();
    this.pendingRows.clear();
    this.targetsExist.clear();
  }
}
