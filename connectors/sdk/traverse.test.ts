import { describe, expect, it } from "vitest";
import { buildToyConnector } from "./__fixtures__/toy-connector";
import type { ConnectorContext } from "./connector-types";
import { createFingerprinter } from "./fingerprint";
import { createGuardedHttp } from "./http";
import { ParentIncompleteError, traverseConnector, type TraversalUnit } from "./traverse";

const ctx = {
  config: { baseUrl: "https://toy.example", apiToken: "t" },
  http: createGuardedHttp(),
  fingerprint: createFingerprinter(Buffer.alloc(32, 7)),
  signal: new AbortController().signal,
  log: { debug() {}, info() {}, warn() {}, error() {} },
} as ConnectorContext;

const user = (id: string) => ({ id, name: `bot-${id}`, created: "2024-01-01T00:00:00Z" });

/** Drains every unit in order; returns what each yielded or why it failed. */
async function drain(units: AsyncIterable<TraversalUnit>) {
  const seen: { stream: string; parent?: string; items: number; step: string; error?: string }[] = [];
  for await (const unit of units) {
    const entry: (typeof seen)[number] = { stream: unit.stream.name, items: 0, step: `${unit.step.done}/${unit.step.total}` };
    if (unit.parent) entry.parent = unit.parent.id;
    try {
      for await (const page of unit.pages) entry.items += page.length;
    } catch (error) {
      entry.error = (error as Error).constructor.name;
    }
    seen.push(entry);
  }
  return seen;
}

describe("traverseConnector", () => {
  it("lists parents page by page, then one child unit per parent item, with (scope, stream) steps", async () => {
    const connector = buildToyConnector({
      users: {
        list: async ({ cursor }) => (cursor ? { items: [user("u3")] } : { items: [user("u1"), user("u2")], nextCursor: "p2" }),
      },
      keys: { list: async ({ parent }) => ({ items: parent?.id === "u2" ? [] : [{ id: `k-${parent?.id}` }] }) },
    });
    expect(await drain(traverseConnector(connector, ctx))).toEqual([
      { stream: "users", items: 3, step: "0/2" },
      { stream: "keys", parent: "u1", items: 1, step: "1/2" },
      { stream: "keys", parent: "u2", items: 0, step: "1/2" },
      { stream: "keys", parent: "u3", items: 1, step: "1/2" },
    ]);
  });

  it("marks the child stream incomplete, without listing it, when its parent stream failed midway", async () => {
    let keyListings = 0;
    const connector = buildToyConnector({
      users: {
        list: async ({ cursor }) => {
          if (cursor) throw new Error("HTTP 500 on page 2");
          return { items: [user("u1")], nextCursor: "p2" };
        },
      },
      keys: {
        list: async () => {
          keyListings += 1;
          return { items: [] };
        },
      },
    });
    const seen = await drain(traverseConnector(connector, ctx));
    expect(seen).toEqual([
      { stream: "users", items: 1, step: "0/2", error: "Error" },
      { stream: "keys", items: 0, step: "1/2", error: ParentIncompleteError.name },
    ]);
    expect(keyListings).toBe(0);
  });

  it("treats a parent unit its consumer abandoned as incomplete too", async () => {
    const connector = buildToyConnector({
      users: { list: async ({ cursor }) => (cursor ? { items: [user("u2")] } : { items: [user("u1")], nextCursor: "p2" }) },
      keys: { list: async () => ({ items: [] }) },
    });
    const units = traverseConnector(connector, ctx);
    const first = (await units.next()).value as TraversalUnit;
    for await (const _page of first.pages) break; // stop after one page
    const second = (await units.next()).value as TraversalUnit;
    await expect(second.pages[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(ParentIncompleteError);
  });
});
