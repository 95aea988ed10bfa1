import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineConnector, defineStream, HttpError, type KeywardRecordInput } from "@/connectors/sdk";
import { runLiveSync } from "@/lib/sync/live/run-live-sync";
import { createSource, query, runOptions } from "@/lib/sync/testing/run-fixtures";
import { hasKey, key, user } from "@/lib/sync/testing/toy-connector";
import { createTestDatabase, TEST_AUDIT_KEY, type TestDatabase } from "@/test/support/test-database";

/*
 * A live sync end to end through the shared traversal: a parent stream of users listed in pages
 * of 4, a child stream of each user's keys, read from an in-memory "provider" the test changes
 * between syncs (listing failures included).
 */

const provider = {
  users: Array.from({ length: 10 }, (_, i) => `u${i}`),
  failUsersAtPage: 0,
  deniedKeysOf: "",
};
const keysOf = (u: string) => [`${u}-k1`, `${u}-k2`];

const records = z.array(z.record(z.string(), z.unknown()));
const toRecords = (item: unknown) => item as KeywardRecordInput[];

const liveToy = defineConnector({
  provider: "live-toy",
  displayName: "Live toy",
  configSchema: z.object({ pageSize: z.number().int().positive() }),
  secretFields: [],
  permissions: [],
  check: async () => ({ ok: true, detail: "toy" }),
  scopes: async () => [{ id: "acct-1", label: "Account 1" }],
  streams: [
    defineStream({
      name: "users",
      externalTypes: ["toy.user"],
      item: records,
      parentKey: (item) => ({ id: String((item as { externalId: string }[])[0]!.externalId) }),
      async list({ cursor, ctx }) {
        const size = (ctx.config as { pageSize: number }).pageSize;
        const start = Number(cursor ?? 0);
        if (provider.failUsersAtPage && start / size + 1 === provider.failUsersAtPage) throw new HttpError(500, "GET", "https://toy.example/users");
        const items = provider.users.slice(start, start + size).map((u) => [user(u)]);
        const next = start + size < provider.users.length ? String(start + size) : undefined;
        return next ? { items, nextCursor: next } : { items };
      },
      transform: toRecords,
    }),
    defineStream({
      name: "keys",
      externalTypes: ["toy.key"],
      item: records,
      parent: "users",
      async list({ parent }) {
        if (parent!.id === provider.deniedKeysOf) throw new HttpError(403, "GET", `https://toy.example/users/${parent!.id}/keys`);
        return { items: keysOf(parent!.id).map((k) => [key(k, parent!.id), hasKey(parent!.id, k)]) };
      },
      transform: toRecords,
    }),
  ],
});

describe("runLiveSync", () => {
  let t: TestDatabase;
  let sourceId: string;
  const sync = (config: unknown = { pageSize: 4 }) =>
    runLiveSync({ ...runOptions(t.url, sourceId, TEST_AUDIT_KEY), connector: liveToy, config });
  const present = async (table: string) =>
    (await query<{ external_id: string }>(t.url, `SELECT external_id FROM ${table} WHERE gone_since IS NULL ORDER BY external_id`)).map(
      (r) => r.external_id,
    );

  beforeAll(async () => {
    t = await createTestDatabase();
    sourceId = await createSource(t.url, "live-toy-source", "live-toy");
  });
  afterAll(() => t.drop());

  it("lists every page of the parents and a unit per parent, and ends with a full progress bar", async () => {
    const summary = await sync();
    expect(summary.status).toBe("succeeded");
    expect(await present("identities")).toHaveLength(10);
    expect(await present("credentials")).toHaveLength(20);
    const [run] = await query<{ progress: { unitsDone: number; unitsTotal: number; pages: number; items: number } }>(
      t.url,
      `SELECT progress FROM sync_runs WHERE id = $1`,
      [summary.runId],
    );
    // 2 streams × 1 scope = 2 steps; pages: 3 of users (4+4+2) + 10 of keys.
    expect(run!.progress).toMatchObject({ unitsDone: 2, unitsTotal: 2, pages: 13, items: 30 });
  });

  it("retires what a clean listing no longer reports", async () => {
    provider.users = provider.users.filter((u) => u !== "u9");
    const summary = await sync();
    expect(summary.status).toBe("succeeded");
    expect(await present("identities")).not.toContain("u9");
    expect(await present("credentials")).not.toContain("u9-k1");
    expect(summary.counts.credential?.gone).toBe(2);
  });

  it("retires nothing of a parent stream that failed midway, nor of its children", async () => {
    provider.users = provider.users.filter((u) => u !== "u8");
    provider.failUsersAtPage = 2;
    const summary = await sync();
    expect(summary.status).not.toBe("succeeded");
    expect(await present("identities")).toContain("u8");
    expect(await present("credentials")).toEqual(expect.arrayContaining(["u8-k1", "u8-k2", "u5-k1"]));
    expect(summary.errors.map((e) => `${e.stream}: ${e.reason}`)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^users: page 2 failed/), expect.stringMatching(/^keys: .*parent stream "users" failed/)]),
    );
    provider.failUsersAtPage = 0;
  });

  it("records an access-denied child listing as a coverage gap and keeps that parent's keys", async () => {
    provider.deniedKeysOf = "u0";
    const summary = await sync();
    expect(summary.coverageGaps).toEqual([expect.objectContaining({ scope: "acct-1", stream: "keys", reason: "permission_denied" })]);
    expect(await present("credentials")).toEqual(expect.arrayContaining(["u0-k1", "u0-k2"]));
    // The parents' own stream was clean: u8, gone from the provider, is retired now.
    expect(await present("identities")).not.toContain("u8");
    provider.deniedKeysOf = "";
  });

  it("refuses an invalid configuration by field, before any run starts", async () => {
    const before = await query(t.url, `SELECT id FROM sync_runs`);
    await expect(sync({ pageSize: -1 })).rejects.toThrow(/SOURCE_INVALID|pageSize: Too small/);
    await expect(sync({ pageSize: -1 })).rejects.toMatchObject({ code: "SOURCE_INVALID" });
    expect(await query(t.url, `SELECT id FROM sync_runs`)).toHaveLength(before.length);
  });
});
