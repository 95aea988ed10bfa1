import { describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/session-context";
import { ROLE_PERMISSIONS, type Permission, type Role } from "@/lib/auth/permissions";
import { COUNT_CAP, PAGE_SIZE, queryInventory, type InventoryPageDto } from "@/lib/inventory/inventory-query";
import { exportInventorySelection } from "@/lib/inventory/inventory-query-export";
import { listInventoryFacets } from "@/lib/inventory/inventory-query-facets";
import { refreshSearchTrigrams, searchPlanFor } from "@/lib/inventory/search-trigrams";
import { parseInventoryState, SORTABLE_COLUMNS, type InventoryKind, type InventoryState, type SortColumn } from "@/lib/inventory/inventory-url";
import { daysAfter, daysBefore, useRuleFixture } from "@/lib/policy/testing/rule-fixture";

/*
 * queryInventory against a real PostgreSQL: every filter of the URL vocabulary, every sortable
 * column in both directions with NULLs, keyset pages walked forwards and backwards (no row skipped
 * or repeated), the capped count, the owner role's narrowing and the permission check.
 */
const fixture = useRuleFixture();
const NOW = new Date("2026-06-01T12:00:00Z");
const as = (role: Role, email = `${role}@example.com`): Caller => ({ type: "user", userId: null, email, name: null, role, sessionId: null });
const analyst = as("analyst");

const query = (caller: Caller, search: string) => queryInventory(caller, parseInventoryState(new URLSearchParams(search)), { db: fixture.database.db, now: NOW });
const names = async (search: string, caller = analyst) => (await query(caller, search)).rows.map((r) => r.name).sort();

type Seeded = Record<"alpha" | "beta" | "delta" | "gone" | "akey" | "bkey" | "orphan" | "oldkey" | "goneKey", string>;
let seeded: Seeded;

async function seedSmall(): Promise<Seeded> {
  const aws = await fixture.fx.source("aws-prod", "aws");
  const gcp = await fixture.fx.source("gcp-main", "gcp");
  const alpha = await fixture.fx.identity({ name: "alpha-svc", source_id: aws, external_id: "arn:alpha", environment: "prod", created_at_source: daysBefore(NOW, 10), owner_hint: { email: "Ana@Example.com", provenance: "aws.tag:owner" } });
  const beta = await fixture.fx.identity({ name: "beta-svc", source_id: gcp, external_id: "beta@gcp", type: "gcp_service_account", created_at_source: daysBefore(NOW, 400) });
  const delta = await fixture.fx.identity({ name: "delta-svc", source_id: aws, external_id: "arn:delta", environment: "dev", status: "inactive", created_at_source: daysBefore(NOW, 120) });
  const gone = await fixture.fx.identity({ name: "gone-svc", source_id: aws, external_id: "arn:gone", gone_since: daysBefore(NOW, 1) });
  const bob = await fixture.fx.person({ email: "Bob@Example.com" });
  await fixture.fx.edge("owned_by", delta, bob);
  const akey = await fixture.fx.credential({ name: "AKIA-ALPHA", source_id: aws, external_id: "AKIAALPHA", identity_id: alpha, environment: "prod",
    created_at_source: daysBefore(NOW, 200), last_rotated_at: daysBefore(NOW, 30), last_used_at: daysBefore(NOW, 1), expires_at: daysAfter(NOW, 20) });
  const bkey = await fixture.fx.credential({ name: "beta 100%_key", source_id: gcp, external_id: "projects/p/keys/b1", identity_id: beta, type: "service_account_key",
    created_at_source: daysBefore(NOW, 150), expires_at: daysAfter(NOW, 60) });
  const orphan = await fixture.fx.credential({ name: "ORPHAN_TOKEN", source_id: gcp, external_id: "tok-1", type: "token", status: "revoked", expires_at: daysBefore(NOW, 5) });
  const oldkey = await fixture.fx.credential({ name: "delta-old-key", source_id: aws, external_id: "AKIADELTA", identity_id: delta, created_at_source: daysBefore(NOW, 800) });
  const goneKey = await fixture.fx.credential({ name: "gone-key", source_id: aws, external_id: "AKIAGONE", identity_id: alpha, gone_since: daysBefore(NOW, 2) });
  const finding = (rule: string, subjectType: string, subjectId: string, status = "open") =>
    fixture.fx.insert("findings", { id: crypto.randomUUID(), rule, severity: "high", owasp: "NHI7", status, subject_type: subjectType, subject_id: subjectId });
  await finding("credential-max-age", "credential", oldkey);
  await finding("no-expiry", "credential", oldkey);
  await finding("cert-expired", "credential", orphan, "resolved");
  await finding("no-owner", "identity", beta);
  // What a load does after writing records (lib/policy/evaluate-after-load.ts): the inventory reads each identity's stored owner.
  await fixture.database.db.$queryRaw`SELECT refresh_identity_owners(NULL)`;
  return { alpha, beta, delta, gone, akey, bkey, orphan, oldkey, goneKey };
}

describe("filters", () => {
  it("lists present records of the kind by default, with their owner, source and counts", async () => {
    seeded = await seedSmall();
    expect(await names("")).toEqual(["AKIA-ALPHA", "ORPHAN_TOKEN", "beta 100%_key", "delta-old-key"].sort());
    const identities = await query(analyst, "kind=identities");
    const alpha = identities.rows.find((r) => r.name === "alpha-svc")!;
    expect(alpha).toMatchObject({ sourceProvider: "aws", sourceName: "aws-prod", environment: "prod", status: "active", credentials: 1, openFindings: 0 });
    expect(alpha.owner).toEqual({ email: "ana@example.com", kind: "source" });
    const oldkey = (await query(analyst, "")).rows.find((r) => r.id === seeded.oldkey)!;
    expect(oldkey).toMatchObject({ identity: { id: seeded.delta, name: "delta-svc" }, owner: { email: "bob@example.com" }, openFindings: 2 });
  });

  it("searches name and external id, case-insensitively, taking % and _ literally", async () => {
    expect(await names("q=akia")).toEqual(["AKIA-ALPHA", "delta-old-key"]);
    expect(await names("q=KEYS/B1")).toEqual(["beta 100%_key"]);
    expect(await names("q=100%25_")).toEqual(["beta 100%_key"]);
    expect(await names("q=0%25")).toEqual(["beta 100%_key"]);
    expect(await names("q=a%25a")).toEqual([]);
  });

  it("samples each trigram's share of rows after a load: inside words only", async () => {
    await refreshSearchTrigrams(fixture.database.db);
    const shares = await fixture.database.db.$queryRaw<{ trigram: string; share: number }[]>`
      SELECT trigram, share FROM search_trigrams WHERE kind = 'credentials' AND trigram IN ('aki', 'lph', ' ak', 'key')`;
    // 5 credentials (gone ones too): AKIA-ALPHA, delta-old-key and gone-key hold "aki"; boundary trigrams are not kept.
    expect(Object.fromEntries(shares.map((r) => [r.trigram, r.share]))).toEqual({ aki: 0.6, lph: 0.2, key: 0.6 });
  });

  it("asks the index only for a search's rare parts, and still matches exactly the rows containing it", async () => {
    const db = fixture.database.db;
    await db.$executeRaw`DELETE FROM search_trigrams`;
    await db.$executeRaw`INSERT INTO search_trigrams (kind, trigram, share) VALUES ('credentials', 'aki', 0.9), ('credentials', 'kia', 0.9)`;
    expect(await searchPlanFor(db, "credentials", "AKIADelta")).toEqual({ kind: "parts", text: "akiadelta", parts: ["iadelta"] });
    expect(await names("q=AKIADelta")).toEqual(["delta-old-key"]);
    // The parts match (…delta…) where the whole does not: the exact check drops those rows.
    expect(await names("q=akiaxdelta")).toEqual([]);
    expect(await names("q=kiaal%25")).toEqual([]);
    expect(await names("q=kiaal")).toEqual(["AKIA-ALPHA"]);
    expect(await searchPlanFor(db, "credentials", "akia")).toEqual({ kind: "whole", text: "akia" });
    expect(await names("q=akia")).toEqual(["AKIA-ALPHA", "delta-old-key"]);
    expect(await searchPlanFor(db, "identities", "AKIADelta")).toEqual({ kind: "whole", text: "akiadelta" });
    await db.$executeRaw`DELETE FROM search_trigrams`;
  });

  it("filters by source provider, type and environment (none = without one)", async () => {
    expect(await names("source=gcp")).toEqual(["ORPHAN_TOKEN", "beta 100%_key"]);
    expect(await names("type=token")).toEqual(["ORPHAN_TOKEN"]);
    expect(await names("env=prod")).toEqual(["AKIA-ALPHA"]);
    expect(await names("kind=identities&env=none")).toEqual(["beta-svc"]);
  });

  it("filters by resolved owner: has, none, an e-mail (a credential's owner is its identity's)", async () => {
    expect(await names("kind=identities&owner=has")).toEqual(["alpha-svc", "delta-svc"]);
    expect(await names("kind=identities&owner=none")).toEqual(["beta-svc"]);
    expect(await names("owner=none")).toEqual(["ORPHAN_TOKEN", "beta 100%_key"]);
    expect(await names("owner=ANA@example.com")).toEqual(["AKIA-ALPHA"]);
    expect(await names("kind=identities&owner=bob@example.com")).toEqual(["delta-svc"]);
  });

  it("filters by status: one status of present records, gone, or all", async () => {
    expect(await names("status=revoked")).toEqual(["ORPHAN_TOKEN"]);
    expect(await names("kind=identities&status=inactive")).toEqual(["delta-svc"]);
    expect(await names("status=gone")).toEqual(["gone-key"]);
    expect((await query(analyst, "status=gone")).rows[0]!.status).toBe("gone");
    expect(await names("kind=identities&status=all")).toEqual(["alpha-svc", "beta-svc", "delta-svc", "gone-svc"]);
  });

  it("buckets age by last rotation else creation (credentials) and by creation (identities)", async () => {
    expect(await names("age=lt90")).toEqual(["AKIA-ALPHA"]);
    expect(await names("age=90to180")).toEqual(["beta 100%_key"]);
    expect(await names("age=180to365")).toEqual([]);
    expect(await names("age=gt365")).toEqual(["delta-old-key"]);
    expect(await names("kind=identities&age=90to180")).toEqual(["delta-svc"]);
    expect(await names("kind=identities&age=gt365")).toEqual(["beta-svc"]);
  });

  it("buckets expiry: expired, within 30 / 90 days, never", async () => {
    expect(await names("expiry=expired")).toEqual(["ORPHAN_TOKEN"]);
    expect(await names("expiry=30d")).toEqual(["AKIA-ALPHA"]);
    expect(await names("expiry=90d")).toEqual(["AKIA-ALPHA", "beta 100%_key"]);
    expect(await names("expiry=none")).toEqual(["delta-old-key"]);
  });

  it("filters by open findings and by rule (resolved findings do not count)", async () => {
    expect(await names("findings=open")).toEqual(["delta-old-key"]);
    expect(await names("findings=none")).toEqual(["AKIA-ALPHA", "ORPHAN_TOKEN", "beta 100%_key"]);
    expect(await names("rule=no-expiry")).toEqual(["delta-old-key"]);
    expect(await names("rule=cert-expired")).toEqual([]);
    expect(await names("kind=identities&rule=no-owner")).toEqual(["beta-svc"]);
  });

  it("combines filters with AND and counts exactly below the cap", async () => {
    const page = await query(analyst, "source=aws&findings=none");
    expect(page.rows.map((r) => r.name)).toEqual(["AKIA-ALPHA"]);
    expect(page.total).toEqual({ count: 1, capped: false });
  });

  it("offers the present inventory's sources, types and environments as filter choices", async () => {
    const facets = await listInventoryFacets(analyst, "identities", { db: fixture.database.db });
    expect(facets.sources).toEqual(expect.arrayContaining(["aws", "gcp"]));
    expect(facets.types).toEqual(["gcp_service_account", "service_account"]);
    expect(facets.environments).toEqual(["none", "dev", "prod"]);
  });
});

describe("authorization", () => {
  it("narrows the owner role to identities whose owner hint or owned_by person is theirs, and their credentials", async () => {
    const ana = as("owner", "ANA@example.com");
    expect(await names("kind=identities", ana)).toEqual(["alpha-svc"]);
    expect(await names("", ana)).toEqual(["AKIA-ALPHA"]);
    expect(await names("status=all", ana)).toEqual(["AKIA-ALPHA", "gone-key"]);
    expect(await names("kind=identities", as("owner", "bob@example.com"))).toEqual(["delta-svc"]);
    expect(await names("", as("owner", "nobody@example.com"))).toEqual([]);
    expect((await query(ana, "")).total.count).toBe(1);
  });

  it("refuses a caller whose role lacks inventory:read", async () => {
    const granted = ROLE_PERMISSIONS.auditor as Set<Permission>;
    granted.delete("inventory:read");
    try {
      await expect(query(as("auditor"), "")).rejects.toMatchObject({ code: "FORBIDDEN" });
    } finally {
      granted.add("inventory:read");
    }
    await expect(query(as("auditor"), "")).resolves.toBeDefined();
  });

  it("exports a selection as CSV for reports:export only, leaving out rows the caller cannot see", async () => {
    const input = { kind: "credentials", ids: [seeded.akey, seeded.bkey, seeded.goneKey] };
    const { csv, rows } = await exportInventorySelection(analyst, input, { db: fixture.database.db, now: NOW });
    expect(rows).toBe(3);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^id,name,type,externalId,source,sourceName,environment,status,owner,ownerKind,createdAt,identityId,identity,/);
    expect(lines.slice(1).map((l) => l.split(",")[1])).toEqual(["AKIA-ALPHA", "beta 100%_key", "gone-key"]);
    expect(lines.find((l) => l.includes("gone-key"))).toContain(",gone,");
    await expect(exportInventorySelection(as("owner", "ana@example.com"), input, { db: fixture.database.db })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(exportInventorySelection(analyst, { kind: "credentials", ids: [] }, { db: fixture.database.db })).rejects.toThrow("Select at least one row.");
  });
});

/*
 * 130 credentials of one provider with many equal and NULL sort keys: ties are broken by id,
 * NULLs sort through their sentinel. The expected order is computed here from the same rules.
 */
type Bulk = { id: string; name: string; type: string; environment: string | null; status: string; created: Date | null; rotated: Date | null; lastUsed: Date | null; expires: Date | null };
const BULK = 130;

async function seedBulk(): Promise<Bulk[]> {
  const source = await fixture.fx.source("bulk", "bulkprov");
  const rows: Bulk[] = [];
  for (let n = 0; n < BULK; n += 1) {
    const created = n % 5 === 0 ? null : daysBefore(NOW, n % 40);
    const row: Bulk = {
      id: crypto.randomUUID(),
      name: `bulk-${String(n % 60).padStart(3, "0")}`,
      type: ["access_key", "api_key", "token"][n % 3]!,
      environment: n % 4 === 0 ? null : ["dev", "prod"][n % 2]!,
      status: ["active", "inactive"][n % 2]!,
      created,
      rotated: n % 3 === 0 ? daysBefore(NOW, n % 7) : null,
      lastUsed: n % 2 === 0 ? null : daysBefore(NOW, n % 9),
      expires: n % 3 === 1 ? null : daysAfter(NOW, n % 11),
    };
    rows.push(row);
    await fixture.fx.credential({ id: row.id, source_id: source, name: row.name, type: row.type, environment: row.environment, status: row.status,
      created_at_source: row.created, last_rotated_at: row.rotated, last_used_at: row.lastUsed, expires_at: row.expires });
  }
  return rows;
}

const time = (value: Date | null, fallback: number) => value?.getTime() ?? fallback;
const KEY_OF: Record<string, (r: Bulk) => string | number> = {
  name: (r) => r.name,
  type: (r) => r.type,
  environment: (r) => r.environment ?? "",
  status: (r) => r.status,
  created: (r) => time(r.created, -Infinity),
  rotated: (r) => time(r.rotated ?? r.created, -Infinity),
  lastUsed: (r) => time(r.lastUsed, -Infinity),
  expires: (r) => time(r.expires, Infinity),
};

function expectedOrder(rows: Bulk[], column: string, dir: "asc" | "desc"): string[] {
  const sign = dir === "asc" ? 1 : -1;
  const key = KEY_OF[column]!;
  return [...rows]
    .sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      if (ka !== kb) return (ka < kb ? -1 : 1) * sign;
      return (a.id < b.id ? -1 : 1) * sign;
    })
    .map((r) => r.id);
}

async function walk(state: InventoryState, direction: "next" | "previous"): Promise<InventoryPageDto[]> {
  const pages: InventoryPageDto[] = [];
  let current: InventoryState = state;
  for (let guard = 0; guard < 10; guard += 1) {
    const page = await queryInventory(analyst, current, { db: fixture.database.db, now: NOW });
    pages.push(page);
    const cursor = page[direction];
    if (!cursor) return pages;
    current = { ...state, after: direction === "next" ? cursor : undefined, before: direction === "previous" ? cursor : undefined };
  }
  throw new Error("pagination did not end");
}

describe("sorting and keyset pagination", () => {
  it("walks every sortable column both ways, forwards and backwards, without skipping or repeating a row", async () => {
    const bulk = await seedBulk();
    for (const column of SORTABLE_COLUMNS.credentials) {
      for (const dir of ["asc", "desc"] as const) {
        const state = parseInventoryState(new URLSearchParams({ source: "bulkprov", sort: column, dir }));
        const expected = expectedOrder(bulk, column, dir);
        const forward = await walk(state, "next");
        expect(forward.map((p) => p.rows.length), `${column} ${dir}`).toEqual([PAGE_SIZE, PAGE_SIZE, BULK - 2 * PAGE_SIZE]);
        expect(forward.flatMap((p) => p.rows.map((r) => r.id)), `${column} ${dir}`).toEqual(expected);
        expect(forward[0]!.previous).toBeNull();

        const last = forward[forward.length - 1]!;
        // From the last page, previous links lead back through the same pages to the first.
        const back = await walk({ ...state, after: forward[1]!.next! }, "previous");
        expect(back.map((p) => p.rows.map((r) => r.id)), `${column} ${dir} backwards`).toEqual(forward.map((p) => p.rows.map((r) => r.id)).reverse());
        expect(back[back.length - 1]!.previous).toBeNull();
        expect(last.next).toBeNull();
      }
    }
  });

  it("sorts identities by last activity with never-active ones oldest", async () => {
    const asc = await query(analyst, "kind=identities&sort=lastActivity");
    const desc = await query(analyst, "kind=identities&sort=lastActivity&dir=desc");
    expect(desc.rows.map((r) => r.id)).toEqual(asc.rows.map((r) => r.id).reverse());
  });

  it.each(["identities", "credentials"] as InventoryKind[])("accepts every sortable column of %s", async (kind) => {
    for (const column of SORTABLE_COLUMNS[kind] as readonly SortColumn[]) {
      const page = await queryInventory(analyst, { ...parseInventoryState(new URLSearchParams({ kind })), sort: column }, { db: fixture.database.db, now: NOW });
      expect(page.rows.length).toBeGreaterThan(0);
    }
  });
});

describe("count", () => {
  it(`stops counting at ${COUNT_CAP.toLocaleString("en")} and says so`, async () => {
    const source = await fixture.fx.source("many", "manyprov");
    await fixture.fx.client.query(
      `INSERT INTO credentials (id, source_id, scope, external_type, external_id, name, type, status, content_hash, last_seen_generation)
       SELECT gen_random_uuid(), $1, 's', 'many', 'm' || n, 'many-' || n, 'api_key', 'active', 'h', 1 FROM generate_series(1, $2::int) n`,
      [source, COUNT_CAP + 5],
    );
    const page = await query(analyst, "source=manyprov");
    expect(page.total).toEqual({ count: COUNT_CAP, capped: true });
    expect(page.rows).toHaveLength(PAGE_SIZE);
    expect((await query(analyst, "source=manyprov&q=many-10005")).total).toEqual({ count: 1, capped: false });
  });
});
