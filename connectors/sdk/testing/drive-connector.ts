import { randomBytes } from "node:crypto";
import {
  coverageGapFromError,
  createFingerprinter,
  createGuardedHttp,
  recordSchema,
  type AnyConnectorDefinition,
  type CoverageGap,
  type KeywardRecord,
  type ParentRef,
  type StreamDefinition,
} from "..";

/*
 * A miniature of the lib/sync runner for live tests: scopes → streams (parents first) → pages →
 * transform → validated records; a listing that throws becomes a coverage gap for that unit, as
 * the runner records it. It does no loading or sweeping.
 */

export interface DriveResult {
  readonly records: KeywardRecord[];
  readonly gaps: CoverageGap[];
}

const silentLog = { debug() {}, info() {}, warn() {}, error() {} };

function parentsFirst(streams: readonly StreamDefinition[]): StreamDefinition[] {
  const depth = (s: StreamDefinition): number =>
    s.parent ? 1 + depth(streams.find((p) => p.name === s.parent) as StreamDefinition) : 0;
  return [...streams].sort((a, b) => depth(a) - depth(b));
}

export async function driveConnector(connector: AnyConnectorDefinition, rawConfig: unknown): Promise<DriveResult> {
  const config = connector.configSchema.parse(rawConfig);
  const http = createGuardedHttp();
  const fingerprint = createFingerprinter(randomBytes(32));
  const ctx = { config, http, fingerprint, signal: new AbortController().signal, log: silentLog };
  const records: KeywardRecord[] = [];
  const gaps: CoverageGap[] = [];
  try {
    for (const scope of await connector.scopes(ctx)) {
      const parents = new Map<string, ParentRef[]>();
      for (const stream of parentsFirst(connector.streams as readonly StreamDefinition[])) {
        const units: (ParentRef | undefined)[] = stream.parent ? (parents.get(stream.parent) ?? []) : [undefined];
        for (const parent of units) {
          let cursor: string | undefined;
          try {
            do {
              const page = await stream.list({ scope, cursor, parent, ctx });
              for (const item of page.items) {
                for (const record of stream.transform(item, { scope, parent, fingerprint }))
                  records.push(recordSchema.parse(record));
                const key = stream.parentKey?.(item);
                if (key) parents.set(stream.name, [...(parents.get(stream.name) ?? []), { stream: stream.name, ...key }]);
              }
              cursor = page.nextCursor;
            } while (cursor !== undefined);
          } catch (error) {
            gaps.push(coverageGapFromError(scope.id, stream.name, error));
          }
        }
      }
    }
  } finally {
    await http.close();
  }
  return { records, gaps };
}
