import "server-only";
import { coverageGapFromError, ItemParseError, type Fingerprinter } from "@/connectors/sdk";
import { RecordEncodingError } from "@/lib/sync/copy-text";
import type { ProgressReporter } from "@/lib/sync/progress";
import type { RunState, SweepGroup } from "@/lib/sync/run-state";
import { safeErrorText, SecretLikeValueError } from "@/lib/sync/secret-guard";
import { StagingError, type Stager } from "@/lib/sync/stager";
import type { WorkUnit } from "@/lib/sync/types";
import { validateRecord } from "@/lib/sync/validate-record";

/** Gap reasons that mean "could not see", reported next to the numbers (PRODUCT.md "Honest coverage"). */
const GAP_REASONS = new Set(["permission_denied", "not_enumerable", "timeout"]);

/** Between awaits in a huge page: lets full COPY chunks go out. */
const ITEMS_BETWEEN_YIELDS = 2000;

export type UnitOutcome = {
  /** false: a page failed (or staging did), so nothing of the unit may be merged. */
  loadable: boolean;
  /** Every page loaded and no item error: the unit may take part in a sweep. */
  clean: boolean;
};

export type LoadDeps = {
  stager: Stager;
  progress: ProgressReporter;
  state: RunState;
  group: SweepGroup;
  fingerprint: Fingerprinter;
  defaultEnvironment: string | undefined;
};

type Position = { page: number; item: number };

/** Iterates one unit's pages into staging. Never throws for page, item or staging failures. */
export async function loadUnit(unit: WorkUnit, deps: LoadDeps): Promise<UnitOutcome> {
  const { stager, progress, state, group } = deps;
  const where = { origin: unit.origin, stream: unit.stream.name, scope: unit.scope.id };
  const line = { scope: unit.scope.id, stream: unit.stream.name, defaultEnvironment: deps.defaultEnvironment };
  const transformContext = { scope: unit.scope, parent: unit.parent, fingerprint: deps.fingerprint };
  let clean = true;
  const itemError = (at: Position, reason: string, field?: string) => {
    clean = false;
    state.addError({ ...where, page: at.page, item: at.item, ...(field ? { field } : {}), reason });
  };

  const stageItem = (item: unknown, at: Position) => {
    let records;
    try {
      records = unit.stream.transform(item, transformContext);
    } catch (error) {
      const field = error instanceof ItemParseError ? error.issues[0]?.path || undefined : undefined;
      return itemError(at, error instanceof ItemParseError ? error.message : `transform failed: ${safeErrorText(error)}`, field);
    }
    for (const input of records) {
      const parsed = validateRecord(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        itemError(at, `invalid record: ${issue?.message ?? "does not match the record schema"}`, issue?.path.map(String).join(".") || undefined);
        continue;
      }
      try {
        stager.stage(parsed.data, line);
        if (parsed.data.kind === "person") group.emitsPeople = true;
      } catch (error) {
        if (error instanceof RecordEncodingError || error instanceof SecretLikeValueError) itemError(at, error.message, error.field);
        else throw error;
      }
    }
  };

  let page = 0;
  const pages = unit.pages[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<readonly unknown[]>;
      try {
        next = await pages.next();
      } catch (error) {
        // The listing failed: what it did not return must not look deleted.
        state.addError({ ...where, page: page + 1, reason: `page ${page + 1} failed: ${safeErrorText(error)}` });
        const gap = coverageGapFromError(unit.scope.id, unit.stream.name, error);
        if (GAP_REASONS.has(gap.reason)) state.addGap(gap);
        return { loadable: false, clean: false };
      }
      if (next.done) break;
      page += 1;
      let item = 0;
      for (const raw of next.value) {
        stageItem(raw, { page, item: ++item });
        if (item % ITEMS_BETWEEN_YIELDS === 0) await stager.flushFull();
      }
      progress.addPage(next.value.length);
      await stager.flushFull();
      if (progress.due()) {
        await stager.flushAll();
        await progress.report();
      }
    }
    await stager.flushAll();
    return { loadable: true, clean };
  } catch (error) {
    if (!(error instanceof StagingError)) throw error;
    await pages.return?.().catch(() => undefined);
    state.addError({ ...where, reason: safeErrorText(error) });
    return { loadable: false, clean: false };
  }
}
