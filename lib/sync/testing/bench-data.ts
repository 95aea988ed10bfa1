import { toyStream, unitOf } from "@/lib/sync/testing/toy-connector";
import type { WorkUnit } from "@/lib/sync/types";

/*
 * Deterministic synthetic inventory for bench:ingest: N credentials (each with a has_credential
 * edge from its identity), N/5 identities and N/1000 people (at least 10). Items are generated
 * page by page, never all held in memory, and are identical on every call for the same
 * (n, variant) — variant 1 changes 1 % of the credentials (every 100th: a new last-used time).
 */

export const BENCH_SCOPE = { id: "bench-account", label: "Bench account" };
export const PAGE_SIZE = 1000;

export type BenchShape = { n: number; identities: number; people: number };

export function benchShape(n: number): BenchShape {
  return { n, identities: Math.max(1, Math.floor(n / 5)), people: Math.max(10, Math.floor(n / 1000)) };
}

export const benchStreams = {
  people: toyStream("people", ["bench.person"], { checkItems: false }),
  users: toyStream("users", ["bench.user"], { checkItems: false }),
  keys: toyStream("keys", ["bench.key"], { checkItems: false }),
};

const hex64 = (i: number, salt: number) => (i * 2654435761 + salt).toString(16).padStart(64, "0").slice(-64);
const day = (i: number) => new Date(Date.UTC(2024, 0, 1) + (i % 700) * 86_400_000).toISOString();

export function personItem(i: number) {
  return { kind: "person", externalId: `p${i}`, email: `person${i}@example.com`, name: `Person ${i}`, team: `team-${i % 50}`, status: i % 40 === 0 ? "left" : "active" };
}

export function identityItem(i: number, shape: BenchShape) {
  return {
    kind: "identity",
    externalType: "bench.user",
    externalId: `u${i}`,
    name: `service-account-${i}`,
    type: "service_account",
    status: "active",
    createdAt: day(i),
    ownerHint: { email: `person${i % shape.people}@example.com`, provenance: "bench.tag:owner" },
    attributes: { path: `/bench/${i % 100}/` },
    tags: { env: i % 3 === 0 ? "prod" : "dev" },
  };
}

export function credentialItems(i: number, shape: BenchShape, variant: 0 | 1) {
  const owner = `u${i % shape.identities}`;
  const changed = variant === 1 && i % 100 === 0;
  return [
    {
      kind: "credential",
      externalType: "bench.key",
      externalId: `k${i}`,
      name: `key-${i}`,
      type: "access_key",
      status: i % 17 === 0 ? "inactive" : "active",
      identityRef: { externalType: "bench.user", externalId: owner },
      createdAt: day(i),
      lastUsedAt: changed ? day(i + 1) : day(i + 3),
      fingerprint: `hmac-sha256:${hex64(i, 7)}`,
      maskedHint: "AKIA…",
      attributes: { region: i % 2 ? "eu-west-1" : "us-east-1" },
      tags: { team: `team-${i % 50}` },
    },
    { kind: "edge", type: "has_credential", from: { externalType: "bench.user", externalId: owner }, to: { externalType: "bench.key", externalId: `k${i}` } },
  ];
}

async function* pagesOf(count: number, item: (i: number) => unknown): AsyncGenerator<unknown[]> {
  for (let start = 0; start < count; start += PAGE_SIZE) {
    const page: unknown[] = [];
    for (let i = start; i < Math.min(count, start + PAGE_SIZE); i++) page.push(item(i));
    yield page;
  }
}

/** The three units of one sync: people, identities, then credentials with their edges. */
export function benchUnits(shape: BenchShape, variant: 0 | 1): WorkUnit[] {
  const unit = (stream: (typeof benchStreams)[keyof typeof benchStreams], pages: AsyncIterable<unknown[]>): WorkUnit => ({
    ...unitOf(stream, [], { scope: BENCH_SCOPE, origin: "bench" }),
    pages,
  });
  return [
    unit(benchStreams.people, pagesOf(shape.people, personItem)),
    unit(benchStreams.users, pagesOf(shape.identities, (i) => identityItem(i, shape))),
    unit(benchStreams.keys, pagesOf(shape.n, (i) => credentialItems(i, shape, variant))),
  ];
}

/** Rows one sync stages: people + identities + credentials + edges. */
export const benchRows = (shape: BenchShape) => shape.people + shape.identities + 2 * shape.n;
