import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoSourceName, loadDemoOnFirstStart } from "@/cli/demo";
import { DEMO_DIR, IMPORT_KEYS, tableCounts } from "@/lib/sync/import/testing/import-fixtures";
import { query } from "@/lib/sync/testing/run-fixtures";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

describe("loadDemoOnFirstStart", () => {
  let t: TestDatabase;
  const lines: string[] = [];
  const load = () =>
    loadDemoOnFirstStart((line) => lines.push(line), { dir: DEMO_DIR, connectionString: t.url, db: t.db, keys: IMPORT_KEYS });
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it("imports the demo organisation into demo-<provider> sources, evaluates policies, and says so", async () => {
    await load();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe("demo organisation loaded from 6 files: 40 identities, 80 credentials, 21 resources, 109 edges, 25 people");
    const [row] = await query<{ open: string }>(t.url, "SELECT count(*)::text AS open FROM findings WHERE status = 'open'");
    const open = row!.open;
    expect(Number(open)).toBeGreaterThan(0);
    expect(lines[1]).toBe(`policies evaluated: ${open} violations; ${open} findings opened, 0 reopened, 0 resolved`);
    const sources = await query<{ name: string; provider: string }>(t.url, "SELECT name, provider FROM sources ORDER BY name");
    expect(sources).toEqual([
      { name: demoSourceName("keyward"), provider: "keyward" },
      { name: demoSourceName("people"), provider: "people" },
    ]);
  });

  it("does nothing on the next start", async () => {
    const before = await tableCounts(t.url);
    await load();
    expect(lines).toHaveLength(2);
    expect(await tableCounts(t.url)).toEqual(before);
  });
});
