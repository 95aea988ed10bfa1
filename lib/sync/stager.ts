import "server-only";
import { hash } from "node:crypto";
import { once } from "node:events";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { KeywardRecord, RecordKind } from "@/connectors/sdk";
import { COPY_NULL } from "@/lib/sync/copy-text";
import { KIND_SPECS, SPEC_BY_KIND, stageColumns } from "@/lib/sync/kind-specs";
import { KeySet, Repeat } from "@/lib/sync/key-hash";
import { recordLine, type LineContext } from "@/lib/sync/record-lines";
import type { NodeKind } from "@/lib/sync/resolve-sql";
import { assertNoSecrets } from "@/lib/sync/secret-guard";

/**
 * Rows are encoded straight into a buffer per kind and sent with one COPY per chunk of about
 * this many bytes: large enough that a COPY's fixed cost vanishes, small enough to bound memory
 * (at most two chunks per kind exist: one being filled, one in flight). Writing each line into an
 * off-heap buffer at once, instead of keeping line strings until the chunk is full, spares the
 * garbage collector from promoting a million short-lived strings.
 */
export const CHUNK_BYTES = 1 << 20;

/**
 * Bumped when the staged representation changes, so every row's hash changes once and the next
 * sync rewrites (and re-validates) everything instead of trusting hashes of the old format.
 */
const HASH_VERSION = "kw1\n";

/** A COPY into staging failed: the unit cannot be merged. */
export class StagingError extends Error {
  readonly code = "STAGING_FAILED";
}

/** An open COPY chunk for one staging table. */
type Chunk = { buffer: Buffer; used: number; copy: string; label: string };

/** Turns validated records into staging rows and streams them into the unit's TEMP tables. */
export class Stager {
  /** Open chunk per COPY target (keyed by table). */
  private chunks = new Map<string, Chunk>();
  /** The last COPY in the chain (each waits for the previous: one COPY at a time on the connection). */
  private inflight: Promise<void> = Promise.resolve();
  /** COPYs sent and not finished, oldest first. */
  private pending: Promise<void>[] = [];
  private seq = 0;
  /** Run-wide: every key staged so far and the unit that last staged it. */
  private keys = new Map<RecordKind, KeySet>();
  private unit = 1;
  /** Kinds in which this unit may hold one natural key twice (see key-hash.ts). */
  readonly maybeDuplicated = new Set<RecordKind>();
  /** Kinds in which this unit may repeat a key an earlier unit of the run staged. */
  readonly maybeRepeated = new Set<RecordKind>();
  /** Rows staged in this unit, per kind. */
  readonly staged = new Map<RecordKind, number>();
  /** Node kinds this unit's edge ends are expected in (their types' kinds, as staged this run). */
  readonly ends = { from: new Set<NodeKind>(), to: new Set<NodeKind>() };

  /** `typeKinds` is run-wide: which kind each external type was staged as (edge resolution hints). */
  constructor(
    private readonly client: pg.Client,
    private readonly typeKinds: Map<string, NodeKind>,
    private readonly chunkBytes = CHUNK_BYTES,
  ) {}

  /** Throws RecordEncodingError / SecretLikeValueError for a record that must not be stored. */
  stage(record: KeywardRecord, ctx: LineContext): void {
    const { kind, data, key } = recordLine(record, ctx);
    assertNoSecrets(record, data);
    this.note(kind, key);
    let line = `${data}\t${hash("sha256", HASH_VERSION + data, "hex")}\t${++this.seq}`;
    if (record.kind === "edge") {
      const from = this.typeKinds.get(record.from.externalType);
      const to = this.typeKinds.get(record.to.externalType);
      if (from) this.ends.from.add(from);
      if (to) this.ends.to.add(to);
      line += `\t${from ?? COPY_NULL}\t${to ?? COPY_NULL}`;
    } else {
      this.learnType(record.kind, record.kind === "person" ? "person" : record.externalType);
    }
    this.append(SPEC_BY_KIND[kind].stage, `${line}\n`);
    this.staged.set(kind, (this.staged.get(kind) ?? 0) + 1);
  }

  /** Remembers which kind a type was staged as, for the hints of edges that point at it. */
  private learnType(kind: NodeKind, externalType: string): void {
    this.typeKinds.set(externalType, kind);
  }

  private append(table: string, line: string): void {
    const worst = line.length * 3; // UTF-8 bytes of a UTF-16 string, at most
    let chunk = this.chunks.get(table);
    if (chunk && chunk.used + worst > chunk.buffer.length && chunk.used > 0) {
      this.send(table, chunk);
      chunk = undefined;
    }
    if (!chunk) {
      chunk = { buffer: Buffer.allocUnsafe(Math.max(this.chunkBytes, worst)), used: 0, ...copyTarget(table) };
      this.chunks.set(table, chunk);
    }
    chunk.used += chunk.buffer.write(line, chunk.used);
  }

  /** Notes every staged record's natural key, in order: repeats decide how it is merged. */
  private note(kind: RecordKind, key: string): Repeat {
    let seen = this.keys.get(kind);
    if (!seen) this.keys.set(kind, (seen = new KeySet()));
    const repeat = seen.add(key, this.unit);
    if (repeat === Repeat.SameUnit) this.maybeDuplicated.add(kind);
    else if (repeat === Repeat.EarlierUnit) this.maybeRepeated.add(kind);
    return repeat;
  }

  /**
   * Keeps memory bounded without stalling the pipeline: waits while more than one COPY is queued
   * (one running in PostgreSQL, one ready behind it), never for the last one.
   */
  async flushFull(): Promise<void> {
    while (this.pending.length > 1) await this.pending[0];
  }

  /** Sends everything buffered and waits until PostgreSQL has it. */
  async flushAll(): Promise<void> {
    for (const [table, chunk] of this.chunks) if (chunk.used > 0) this.send(table, chunk);
    await this.inflight;
  }

  /**
   * One COPY at a time on the connection, chained: PostgreSQL ingests a chunk while the caller
   * transforms the next records. A failure surfaces at the next await of `inflight`.
   */
  private send(table: string, chunk: Chunk): void {
    this.chunks.delete(table);
    const data = chunk.buffer.subarray(0, chunk.used);
    const sent = this.inflight.then(() => copyInto(this.client, chunk, data));
    this.inflight = sent;
    this.pending.push(sent);
    const done = () => void this.pending.splice(this.pending.indexOf(sent), 1);
    sent.then(done, done);
  }

  /** Empties the staging tables for the next unit (also after a failed unit: nothing of it is merged). */
  async reset(): Promise<void> {
    await this.inflight.catch(() => undefined);
    this.inflight = Promise.resolve();
    this.pending = [];
    this.chunks.clear();
    this.unit += 1;
    this.staged.clear();
    this.maybeDuplicated.clear();
    this.maybeRepeated.clear();
    this.ends.from.clear();
    this.ends.to.clear();
    this.seq = 0;
    await this.client.query(`TRUNCATE ${KIND_SPECS.map((s) => s.stage).join(", ")}`);
  }
}

/** The COPY statement of a staging table. */
function copyTarget(table: string): { copy: string; label: string } {
  const spec = KIND_SPECS.find((s) => s.stage === table)!;
  return { copy: `COPY ${table} (${stageColumns(spec).map(([name]) => name).join(", ")}) FROM STDIN`, label: `${spec.kind} rows` };
}

async function copyInto(client: pg.Client, chunk: Chunk, data: Buffer): Promise<void> {
  const stream = client.query(copyFrom(chunk.copy));
  try {
    stream.end(data);
    await once(stream, "finish");
  } catch (error) {
    throw new StagingError(`could not stage ${chunk.label}: ${(error as Error).message}`);
  }
}
