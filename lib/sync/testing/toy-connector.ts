import { z } from "zod";
import { defineConnector, defineStream, type KeywardRecordInput, type Scope, type StreamDefinition } from "@/connectors/sdk";
import type { RunOptions, WorkUnit } from "@/lib/sync/types";

/*
 * A connector for tests and benchmarks of the runner: its raw items already are records (one,
 * or an array of them), so a test states exactly what a transform emits. Pages come from arrays.
 */

/** Fixed 32-byte fingerprint key for tests (the SDK refuses shorter keys). */
export const TEST_FINGERPRINT_KEY = Buffer.alloc(32, 3);

export const TOY_SCOPE: Scope = { id: "toy-account", label: "Toy account" };

const itemSchema = z.union([z.record(z.string(), z.unknown()), z.array(z.record(z.string(), z.unknown()))]);

/**
 * A stream whose items are records; it owns `externalTypes` (what its sweep may retire).
 * `checkItems: false` skips the item schema (benchmarks: it would measure zod, not the loader).
 */
export function toyStream(name: string, externalTypes: string[], options: { parent?: string; checkItems?: boolean } = {}): StreamDefinition {
  return defineStream({
    name,
    externalTypes,
    ...(options.checkItems === false ? {} : { item: itemSchema }),
    parent: options.parent,
    parentKey: (item) => ({ id: String((Array.isArray(item) ? item[0] : item)?.externalId ?? "") }),
    list: async () => ({ items: [] }),
    transform: (item) => (Array.isArray(item) ? item : [item]) as KeywardRecordInput[],
  });
}

export const usersStream = toyStream("users", ["toy.user"]);
export const keysStream = toyStream("keys", ["toy.key"]);
export const peopleStream = toyStream("people", ["toy.person"]);

/** The toy connector, validated by the SDK like any other (streams must not share types). */
export const toyConnector = defineConnector({
  provider: "toy",
  displayName: "Toy",
  configSchema: z.object({}),
  secretFields: [],
  permissions: [],
  check: async () => ({ ok: true, detail: "toy" }),
  scopes: async () => [TOY_SCOPE],
  streams: [usersStream, keysStream, peopleStream],
});

/** Pages from arrays; `failAtPage` (1-based) throws `error` instead of yielding that page. */
export async function* pagesFrom(
  pages: readonly (readonly unknown[])[],
  options: { failAtPage?: number; error?: Error; delayMs?: number } = {},
): AsyncGenerator<readonly unknown[]> {
  for (const [index, page] of pages.entries()) {
    if (options.failAtPage === index + 1) throw options.error ?? new Error(`page ${index + 1} could not be listed`);
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    yield page;
  }
}

export function unitOf(
  stream: StreamDefinition,
  pages: readonly (readonly unknown[])[],
  options: { scope?: Scope; failAtPage?: number; error?: Error; delayMs?: number; origin?: string } = {},
): WorkUnit {
  return { scope: options.scope ?? TOY_SCOPE, stream, pages: pagesFrom(pages, options), origin: options.origin ?? "test" };
}

/** Splits items into pages of `size`. */
export function paged<T>(items: readonly T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages;
}

export const user = (id: string, extra: Record<string, unknown> = {}) =>
  ({ kind: "identity", externalType: "toy.user", externalId: id, name: `User ${id}`, type: "service_account", ...extra }) as const;

export const key = (id: string, owner: string, extra: Record<string, unknown> = {}) =>
  ({
    kind: "credential",
    externalType: "toy.key",
    externalId: id,
    name: `Key ${id}`,
    type: "api_key",
    status: "active",
    identityRef: { externalType: "toy.user", externalId: owner },
    ...extra,
  }) as const;

export const hasKey = (owner: string, id: string) =>
  ({ kind: "edge", type: "has_credential", from: { externalType: "toy.user", externalId: owner }, to: { externalType: "toy.key", externalId: id } }) as const;

export const person = (id: string, extra: Record<string, unknown> = {}) =>
  ({ kind: "person", externalId: id, email: `${id}@example.com`, status: "active", ...extra }) as const;

export type BaseRunOptions = Omit<RunOptions, "sourceId" | "connectionString">;
