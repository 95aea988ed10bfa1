import { randomUUID } from "node:crypto";
import { once } from "node:events";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { BENCH_SCOPE, credentialItems, identityItem, personItem, type BenchShape } from "@/lib/sync/testing/bench-data";

/*
 * The baseline of bench:ingest: the same rows COPYed straight into bare copies of the inventory
 * tables (`CREATE TABLE … (LIKE … INCLUDING ALL)`: same columns, primary key, unique natural key
 * and every secondary index), from Node with pg-copy-streams, no validation, hashing or merge.
 */

const CHUNK_BYTES = 1 << 20;

type RawTable = { table: string; columns: string[]; count: (s: BenchShape) => number; line: (i: number, s: BenchShape, sourceId: string) => string };

const j = (v: unknown) => JSON.stringify(v);
const HASH = "0".repeat(64);

export const RAW_TABLES: RawTable[] = [
  {
    table: "people",
    columns: ["id", "source_id", "scope", "external_type", "external_id", "email", "name", "team", "status", "content_hash", "last_seen_generation"],
    count: (s) => s.people,
    line: (i, _s, src) => {
      const p = personItem(i);
      return [randomUUID(), src, BENCH_SCOPE.id, "person", p.externalId, p.email, p.name, p.team, p.status, HASH, 1].join("\t");
    },
  },
  {
    table: "identities",
    columns: ["id", "source_id", "scope", "external_type", "external_id", "name", "type", "status", "created_at_source", "owner_hint", "attributes", "tags", "content_hash", "last_seen_generation"],
    count: (s) => s.identities,
    line: (i, s, src) => {
      const r = identityItem(i, s);
      return [randomUUID(), src, BENCH_SCOPE.id, r.externalType, r.externalId, r.name, r.type, r.status, r.createdAt, j(r.ownerHint), j(r.attributes), j(r.tags), HASH, 1].join("\t");
    },
  },
  {
    table: "credentials",
    columns: ["id", "source_id", "scope", "external_type", "external_id", "name", "type", "status", "identity_ref", "created_at_source", "last_used_at", "fingerprint", "masked_hint", "attributes", "tags", "content_hash", "last_seen_generation"],
    count: (s) => s.n,
    line: (i, s, src) => {
      const r = credentialItems(i, s, 0)[0] as ReturnType<typeof credentialItems>[0] & { identityRef: unknown; createdAt: string; lastUsedAt: string; fingerprint: string; maskedHint: string; attributes: unknown; tags: unknown; name: string; status: string; type: string; externalType: string; externalId: string };
      return [randomUUID(), src, BENCH_SCOPE.id, r.externalType, r.externalId, r.name, r.type, r.status, j(r.identityRef), r.createdAt, r.lastUsedAt, r.fingerprint, r.maskedHint, j(r.attributes), j(r.tags), HASH, 1].join("\t");
    },
  },
  {
    table: "edges",
    columns: ["source_id", "scope", "external_type", "type", "from_external_type", "from_external_id", "to_external_type", "to_external_id", "content_hash", "last_seen_generation"],
    count: (s) => s.n,
    line: (i, s, src) => [src, BENCH_SCOPE.id, "edge:keys:has_credential", "has_credential", "bench.user", `u${i % s.identities}`, "bench.key", `k${i}`, HASH, 1].join("\t"),
  },
];

async function copyChunk(client: pg.Client, sql: string, text: string): Promise<void> {
  const stream = client.query(copyFrom(sql));
  stream.end(text);
  await once(stream, "finish");
}

/** COPYs one kind's rows into `bench_raw_<table>`; returns seconds. */
export async function rawCopy(client: pg.Client, raw: RawTable, shape: BenchShape, sourceId: string): Promise<number> {
  const bare = `bench_raw_${raw.table}`;
  await client.query(`DROP TABLE IF EXISTS ${bare}; CREATE TABLE ${bare} (LIKE ${raw.table} INCLUDING ALL)`);
  const sql = `COPY ${bare} (${raw.columns.join(", ")}) FROM STDIN`;
  const started = performance.now();
  let inflight: Promise<void> = Promise.resolve();
  let lines: string[] = [];
  let bytes = 0;
  const count = raw.count(shape);
  for (let i = 0; i < count; i++) {
    const line = raw.line(i, shape, sourceId);
    lines.push(line);
    bytes += line.length + 1;
    if (bytes >= CHUNK_BYTES) {
      const text = lines.join("\n") + "\n";
      lines = [];
      bytes = 0;
      await inflight;
      inflight = copyChunk(client, sql, text);
    }
  }
  await inflight;
  if (lines.length > 0) await copyChunk(client, sql, lines.join("\n") + "\n");
  return (performance.now() - started) / 1000;
}
