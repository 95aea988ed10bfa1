import { createFingerprinter, HARNESS_SCOPE, recordSchema, type KeywardRecord, type ParentRef, type StreamDefinition } from "../../sdk";
import { awsConnector } from "../index";

const fingerprint = createFingerprinter(Buffer.from("aws-transform-tests-fingerprint-key"));

export function streamNamed(name: string): StreamDefinition {
  const stream = awsConnector.streams.find((s) => s.name === name);
  if (!stream) throw new Error(`no stream ${name}`);
  return stream as StreamDefinition;
}

/** Validated records of one item, as the runner would load them. */
export function recordsOf(streamName: string, item: unknown, parent?: ParentRef): KeywardRecord[] {
  return streamNamed(streamName)
    .transform(item, { scope: HARNESS_SCOPE, parent, fingerprint })
    .map((record) => recordSchema.parse(record));
}

export const identities = (records: KeywardRecord[]) => records.flatMap((r) => (r.kind === "identity" ? [r] : []));
export const credentials = (records: KeywardRecord[]) => records.flatMap((r) => (r.kind === "credential" ? [r] : []));
export const edges = (records: KeywardRecord[], type?: string) => records.flatMap((r) => (r.kind === "edge" && (!type || r.type === type) ? [r] : []));
