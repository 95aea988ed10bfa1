import type { ConnectorContext, ParentRef, Scope, StreamDefinition } from "./connector-types";
import type { AnyConnectorDefinition } from "./define-connector";

/**
 * The live traversal of a connector, shared by the sync runner (lib/sync/live) and the test
 * driver: scopes → streams (parents first) → one unit per (scope, stream[, parent]) → pages.
 *
 * Units are produced lazily: a child stream's units exist only once its parent stream's pages
 * have been consumed, because the parents are the items those pages held. A consumer must drain
 * (or abandon) each unit's pages before asking for the next unit.
 */
export interface TraversalUnit {
  readonly scope: Scope;
  readonly stream: StreamDefinition;
  readonly parent: ParentRef | undefined;
  /** Raw items, page by page. Throws what `list` threw; the unit is then incomplete. */
  readonly pages: AsyncIterable<readonly unknown[]>;
  /**
   * Progress in (scope, stream) steps: `done` steps were finished before this unit; `total` is
   * scopes × streams. Child units of one stream share its step.
   */
  readonly step: { readonly done: number; readonly total: number };
}

/** A child stream was not listed (fully) because its parent stream's listing failed. */
export class ParentIncompleteError extends Error {
  readonly code = "PARENT_INCOMPLETE";
  constructor(stream: string, parent: string) {
    super(`not listed completely: its parent stream "${parent}" failed, so some parents are unknown`);
    this.name = `ParentIncomplete(${stream})`;
  }
}

/** Streams ordered so that every parent comes before its children. */
export function parentsFirst(streams: readonly StreamDefinition[]): StreamDefinition[] {
  const byName = new Map(streams.map((s) => [s.name, s]));
  const depth = (s: StreamDefinition): number => (s.parent ? 1 + depth(byName.get(s.parent)!) : 0);
  return [...streams].sort((a, b) => depth(a) - depth(b));
}

export async function* traverseConnector(connector: AnyConnectorDefinition, ctx: ConnectorContext): AsyncGenerator<TraversalUnit> {
  const streams = parentsFirst(connector.streams as readonly StreamDefinition[]);
  const scopes = await connector.scopes(ctx as ConnectorContext<never>);
  const total = scopes.length * streams.length;
  let done = 0;
  for (const scope of scopes) {
    const parents = new Map<string, ParentRef[]>();
    // Parent streams whose listing did not finish in this scope.
    const incomplete = new Set<string>();
    for (const stream of streams) {
      const step = { done, total };
      const parentName = stream.parent;
      if (parentName && incomplete.has(parentName)) {
        // Children of parents never seen would look deleted: this stream must not be swept.
        incomplete.add(stream.name);
        yield { scope, stream, parent: undefined, step, pages: failing(new ParentIncompleteError(stream.name, parentName)) };
      } else {
        const units: (ParentRef | undefined)[] = parentName ? (parents.get(parentName) ?? []) : [undefined];
        for (const parent of units) {
          const found: ParentRef[] = [];
          const pages = listPages(stream, scope, parent, ctx, found, () => incomplete.add(stream.name));
          yield { scope, stream, parent, step, pages };
          if (found.length > 0) parents.set(stream.name, [...(parents.get(stream.name) ?? []), ...found]);
        }
      }
      done += 1;
    }
  }
}

async function* listPages(
  stream: StreamDefinition,
  scope: Scope,
  parent: ParentRef | undefined,
  ctx: ConnectorContext,
  found: ParentRef[],
  onFailure: () => void,
): AsyncGenerator<readonly unknown[]> {
  let cursor: string | undefined;
  let finished = false;
  try {
    do {
      const page = await stream.list({ scope, cursor, parent, ctx });
      if (stream.parentKey) for (const item of page.items) found.push({ stream: stream.name, ...stream.parentKey(item) });
      yield page.items;
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    finished = true;
  } finally {
    // Also reached when the consumer stops early: the stream's parents are then incomplete.
    if (!finished) onFailure();
  }
}

/** Pages that fail at once: the unit is reported incomplete without calling `list`. */
function failing(error: Error): AsyncIterable<readonly unknown[]> {
  return { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(error) }) };
}
