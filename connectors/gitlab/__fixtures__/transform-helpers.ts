import {
  createFingerprinter,
  HARNESS_SCOPE,
  recordSchema,
  type AnyConnectorDefinition,
  type KeywardRecord,
  type StreamDefinition,
} from "../../sdk";

const ctx = { scope: HARNESS_SCOPE, parent: undefined, fingerprint: createFingerprinter(Buffer.alloc(32, 7)) };

/** The validated records of one raw item, as the runner would load them. */
export const transformWith =
  (stream: StreamDefinition<never> | AnyConnectorDefinition["streams"][number]) =>
  (item: unknown): KeywardRecord[] =>
    stream.transform(item, ctx).map((record) => recordSchema.parse(record));

export function only<K extends KeywardRecord["kind"]>(records: KeywardRecord[], kind: K): Extract<KeywardRecord, { kind: K }>[] {
  return records.filter((r): r is Extract<KeywardRecord, { kind: K }> => r.kind === kind);
}

export function single<K extends KeywardRecord["kind"]>(records: KeywardRecord[], kind: K): Extract<KeywardRecord, { kind: K }> {
  const [first, ...rest] = only(records, kind);
  if (!first || rest.length > 0) throw new Error(`expected exactly one ${kind} record`);
  return first;
}
