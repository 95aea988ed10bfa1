import { randomBytes } from "node:crypto";
import {
  coverageGapFromError,
  createFingerprinter,
  createGuardedHttp,
  recordSchema,
  type AnyConnectorDefinition,
  type CoverageGap,
  traverseConnector,
  type KeywardRecord,
} from "..";

/*
 * A miniature of the lib/sync runner for live tests: the runner's traversal (scopes → streams,
 * parents first → pages) → transform → validated records; a listing that throws becomes a
 * coverage gap for that unit, as the runner records it. It does no loading or sweeping.
 */

export interface DriveResult {
  readonly records: KeywardRecord[];
  readonly gaps: CoverageGap[];
}

const silentLog = { debug() {}, info() {}, warn() {}, error() {} };

export async function driveConnector(connector: AnyConnectorDefinition, rawConfig: unknown): Promise<DriveResult> {
  const config = connector.configSchema.parse(rawConfig);
  const http = createGuardedHttp();
  const fingerprint = createFingerprinter(randomBytes(32));
  const ctx = { config, http, fingerprint, signal: new AbortController().signal, log: silentLog };
  const records: KeywardRecord[] = [];
  const gaps: CoverageGap[] = [];
  try {
    for await (const { scope, stream, parent, pages } of traverseConnector(connector, ctx)) {
      try {
        for await (const items of pages) {
          for (const item of items) {
            for (const record of stream.transform(item, { scope, parent, fingerprint })) records.push(recordSchema.parse(record));
          }
        }
      } catch (error) {
        gaps.push(coverageGapFromError(scope.id, stream.name, error));
      }
    }
  } finally {
    await http.close();
  }
  return { records, gaps };
}
