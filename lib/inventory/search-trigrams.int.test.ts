import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshSearchTrigrams, searchPlanFor } from "@/lib/inventory/search-trigrams";
import { benchGenerators, benchSizes } from "@/lib/policy/testing/bench-inventory";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

/*
 * The trigram shares behind the search plan, over the benchmark's generated inventory (20,000
 * "credential-N" names): sampled shares, the plan they give, and refreshes that run at once (two
 * loads finishing together) all succeeding.
 */

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  try {
    for (const [, sql] of benchGenerators(benchSizes(0.02))) await client.query(sql);
  } finally {
    await client.end();
  }
}, 120_000);
afterAll(() => t.drop());

async function onClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe("search trigram shares", () => {
  it("finds the trigrams of every generated name common and digits rare, so a name search narrows by its number", async () => {
    expect(await onClient(refreshSearchTrigrams)).toBeGreaterThan(0);
    const shares = await t.db.$queryRaw<{ trigram: string; share: number }[]>`
      SELECT trigram, share FROM search_trigrams WHERE kind = 'credentials' AND trigram IN ('cre', 'ial', '123')`;
    const share = Object.fromEntries(shares.map((r) => [r.trigram, r.share]));
    expect(share.cre).toBe(1);
    expect(share.ial).toBe(1);
    expect(share["123"] ?? 0).toBeLessThan(0.01);
    expect(await searchPlanFor(t.db, "credentials", "credential-12345")).toEqual({ kind: "parts", text: "credential-12345", parts: ["12345"] });
  });

  it("lets loads that finish together refresh at once: one at a time, none failing", async () => {
    const kept = await Promise.all(Array.from({ length: 6 }, () => onClient(refreshSearchTrigrams)));
    // Under 30,000 rows the whole table is read: every refresh keeps the same set, once.
    expect(new Set(kept).size).toBe(1);
    const [{ n }] = await t.db.$queryRaw<[{ n: number }]>`SELECT count(*)::int AS n FROM search_trigrams`;
    expect(n).toBe(kept[0]);
  });
});
