import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AGE_FILTERS,
  COLUMNS,
  DEFAULT_COLUMNS,
  EXPIRY_FILTERS,
  FINDINGS_FILTERS,
  SORTABLE_COLUMNS,
  STATUS_FILTERS,
  decodeCursor,
  encodeCursor,
  firstPage,
  inventoryHref,
  parseInventoryState,
  serializeInventoryState,
  type InventoryState,
} from "@/lib/inventory/inventory-url";

const ID = "3f1c2b4a-1d2e-4f60-8a9b-0c1d2e3f4a5b";
const parse = (query: string) => parseInventoryState(new URLSearchParams(query));

describe("parseInventoryState", () => {
  it("gives the default view for an empty query", () => {
    expect(parse("")).toEqual({ kind: "credentials", filters: {}, sort: "name", dir: "asc", columns: [...DEFAULT_COLUMNS.credentials] });
  });

  it("reads every filter of the documented vocabulary", () => {
    const state = parse("kind=credentials&q=deploy&source=aws&type=access_key&env=prod&owner=Ana@Example.com&status=gone&age=gt365&expiry=30d&findings=open&rule=no-owner&sort=expires&dir=desc");
    expect(state.filters).toEqual({
      q: "deploy", source: "aws", type: "access_key", env: "prod", owner: "ana@example.com",
      status: "gone", age: "gt365", expiry: "30d", findings: "open", rule: "no-owner",
    });
    expect([state.sort, state.dir]).toEqual(["expires", "desc"]);
  });

  it("falls back to defaults for unknown parameters and invalid values instead of failing", () => {
    const state = parse("kind=robots&status=deleted&age=old&expiry=soon&owner=not-an-email&sort=owner&dir=sideways&findings=maybe&source=<script>&type=a%20b&cols=nope&after=garbage&zzz=1");
    expect(state).toEqual(parse(""));
  });

  it("ignores a search longer than 200 characters and an empty one", () => {
    expect(parse(`q=${"a".repeat(201)}`).filters.q).toBeUndefined();
    expect(parse("q=%20%20").filters.q).toBeUndefined();
    expect(parse(`q=${"a".repeat(200)}`).filters.q).toHaveLength(200);
  });

  it("drops the expiry filter and credential-only sorts for identities", () => {
    const state = parse("kind=identities&expiry=expired&sort=expires");
    expect(state.filters.expiry).toBeUndefined();
    expect(state.sort).toBe("name");
  });

  it("keeps the known columns of the kind, in display order, and always the name", () => {
    expect(parse("cols=expires,type,bogus").columns).toEqual(["name", "type", "expires"]);
    expect(parse("kind=identities&cols=expires").columns).toEqual([...DEFAULT_COLUMNS.identities]);
  });

  it("takes the first value of a repeated parameter and accepts Next's searchParams object", () => {
    expect(parseInventoryState({ type: ["token", "pat"], kind: "identities", dir: undefined })).toMatchObject({ kind: "identities", filters: { type: "token" } });
  });

  it("reads a cursor written by encodeCursor and refuses a forged one", () => {
    const after = encodeCursor({ key: "2024-01-01 00:00:00+00", id: ID });
    expect(parse(`after=${after}`).after).toEqual({ key: "2024-01-01 00:00:00+00", id: ID });
    const forged = Buffer.from(JSON.stringify(["x", "not-a-uuid"])).toString("base64url");
    expect(parse(`after=${forged}`).after).toBeUndefined();
    expect(decodeCursor("%%%")).toBeUndefined();
  });
});

describe("serializeInventoryState", () => {
  it("leaves defaults out", () => {
    expect(serializeInventoryState(parse(""))).toBe("");
    expect(inventoryHref(parse(""))).toBe("/inventory");
  });

  it("writes the dashboard's links back unchanged", () => {
    for (const query of ["expiry=30d", "kind=identities&env=prod&owner=none", "source=aws&type=access_key&age=gt365&sort=rotated"]) {
      expect(serializeInventoryState(parse(query))).toBe(query);
    }
  });

  it("firstPage drops the cursor and nothing else", () => {
    const state = parse(`type=token&sort=expires&before=${encodeCursor({ key: null, id: ID })}`);
    expect(state.before).toEqual({ key: null, id: ID });
    expect(serializeInventoryState(firstPage(state))).toBe("type=token&sort=expires");
  });

  const kindArb = fc.constantFrom("credentials" as const, "identities" as const);
  const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const stateArb: fc.Arbitrary<InventoryState> = kindArb.chain((kind) =>
    fc
      .record({
        filters: fc.record({
          q: opt(fc.string({ minLength: 1, maxLength: 40 }).map((s) => s.trim()).filter((s) => s.length > 0)),
          source: opt(fc.constantFrom("aws", "gcp", "k8s.cluster")),
          type: opt(fc.constantFrom("access_key", "service_account")),
          env: opt(fc.constantFrom("prod", "none", "eu west")),
          owner: opt(fc.constantFrom("has", "none", "ana@example.com")),
          status: opt(fc.constantFrom(...STATUS_FILTERS)),
          age: opt(fc.constantFrom(...AGE_FILTERS)),
          expiry: kind === "credentials" ? opt(fc.constantFrom(...EXPIRY_FILTERS)) : fc.constant(undefined),
          findings: opt(fc.constantFrom(...FINDINGS_FILTERS)),
          rule: opt(fc.constantFrom("no-owner", "credential-max-age")),
        }),
        sort: fc.constantFrom(...SORTABLE_COLUMNS[kind]),
        dir: fc.constantFrom("asc" as const, "desc" as const),
        columns: fc.subarray([...COLUMNS[kind]], { minLength: 1 }).map((cols) => (cols.includes("name") ? cols : ["name", ...cols])),
        cursor: opt(fc.record({ side: fc.constantFrom("after", "before"), key: fc.option(fc.string({ maxLength: 300 }), { nil: null }), id: fc.uuid() })),
      })
      .map(({ filters, cursor, ...rest }) => {
        const state: InventoryState = {
          kind,
          ...rest,
          filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)),
        } as InventoryState;
        if (cursor) state[cursor.side as "after" | "before"] = { key: cursor.key, id: cursor.id };
        return state;
      }),
  );

  it("round-trips every valid state through the URL", () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const again = parse(serializeInventoryState(state));
        expect(again).toEqual(state);
        expect(serializeInventoryState(again)).toBe(serializeInventoryState(state));
      }),
      { numRuns: 300 },
    );
  });

  it("reaches a fixed point from any query, so the canonical redirect cannot loop", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("kind", "q", "status", "sort", "dir", "cols", "after", "owner", "env"), fc.string()), (raw) => {
        const canonical = serializeInventoryState(parseInventoryState(raw));
        expect(serializeInventoryState(parse(canonical))).toBe(canonical);
      }),
      { numRuns: 300 },
    );
  });
});
