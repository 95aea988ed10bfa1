import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspectFile } from "@/connectors/sdk";
import { inventoryCsvFormat } from "@/connectors/keyward/formats/inventory-csv";
import { csvRow } from "@/lib/inventory/csv-cell";
import { importPath } from "@/lib/sync/import/import-path";
import { EMPTY_COUNTS, identityEntry, importOptions, tableCounts, tempFolder } from "@/lib/sync/import/testing/import-fixtures";
import { query } from "@/lib/sync/testing/run-fixtures";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

/*
 * Property-based: malformed and hostile files (wrong types, huge fields, truncated JSON, broken
 * CSV) must be refused with a problem naming the file, the field and the line — and write
 * nothing. Unicode and formula-like text is data: it loads exactly and leaves CSV escaped.
 */

const base = () => ({
  keyward: "inventory/v1",
  identities: [identityEntry("svc-a", { owner: { email: "a@acme.example" } }), identityEntry("svc-b")],
  credentials: [
    {
      externalType: "keyward.credential",
      externalId: "c-1",
      name: "c-1",
      type: "api_key",
      status: "active",
      identityRef: { externalType: "keyward.identity", externalId: "svc-a" },
      keySize: 2048,
    },
  ],
  resources: [{ externalType: "keyward.resource", externalId: "r-1", name: "r-1", type: "database" }],
  edges: [
    {
      type: "has_permission",
      from: { externalType: "keyward.identity", externalId: "svc-a" },
      to: { externalType: "keyward.resource", externalId: "r-1" },
      level: "read",
    },
  ],
  people: [{ email: "a@acme.example", name: "A", status: "active" }],
});
type Doc = ReturnType<typeof base>;
type Section = "identities" | "credentials" | "resources" | "edges" | "people";

const notString = fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.integer(), { maxLength: 2 }), fc.constant({ nested: 1 }));
const badTimestamp = fc.oneof(fc.constantFrom("yesterday", "2024-13-01", "2024-05-01T10:00:00", "01/02/2024"), fc.integer());
const huge = (min: number) =>
  fc.string({ unit: "grapheme", minLength: min, maxLength: min + 2000 }).filter((s) => s.length > min);

/** (section, field, bad value): each value is invalid for its field by construction. */
const mutation = fc.oneof(
  fc.tuple(
    fc.constantFrom<Section>("identities"),
    fc.constantFrom("name", "externalId", "type", "environment", "purpose"),
    notString,
  ),
  fc.tuple(fc.constantFrom<Section>("identities", "credentials"), fc.constantFrom("createdAt"), badTimestamp),
  fc.tuple(
    fc.constantFrom<Section>("identities"),
    fc.constantFrom("attributes"),
    fc.oneof(fc.string(), fc.integer(), fc.constant([1])),
  ),
  fc.tuple(
    fc.constantFrom<Section>("identities"),
    fc.constantFrom("tags"),
    fc.oneof(fc.string(), fc.integer(), fc.constant([1]), fc.constant({ k: [1, 2] }), fc.constant({ k: 5 })),
  ),
  fc.tuple(
    fc.constantFrom<Section>("credentials"),
    fc.constantFrom("keySize"),
    fc.oneof(
      fc.string(),
      fc.integer({ max: 0 }),
      fc.double({ min: 0.1, max: 9.9, noNaN: true }).filter((d) => !Number.isInteger(d)),
    ),
  ),
  fc.tuple(
    fc.constantFrom<Section>("credentials"),
    fc.constantFrom("status", "type"),
    fc.oneof(notString, fc.constantFrom("ACTIVE", "lost", "")),
  ),
  fc.tuple(
    fc.constantFrom<Section>("credentials"),
    fc.constantFrom("fingerprint"),
    fc.constantFrom("sha256:abc", `hmac-sha256:${"A".repeat(64)}`),
  ),
  fc.tuple(
    fc.constantFrom<Section>("edges"),
    fc.constantFrom("from", "to"),
    fc.oneof(notString, fc.constant({ externalType: "no-dot" })),
  ),
  fc.tuple(
    fc.constantFrom<Section>("people"),
    fc.constantFrom("email", "manager"),
    fc.oneof(notString, fc.constantFrom("not-an-email", "a@", "@b.io")),
  ),
  fc.tuple(fc.constantFrom<Section>("identities", "resources"), fc.constantFrom("name", "externalId"), huge(1024)),
  fc.tuple(
    fc.constantFrom<Section>("identities"),
    fc.constantFrom("attributes"),
    huge(64 * 1024).map((s) => ({ blob: s })),
  ),
);

describe("importPath with hostile files", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  const importOne = async (name: string, content: string) => {
    const folder = tempFolder({ [name]: content });
    try {
      return await importPath(folder.dir, importOptions(t.url));
    } finally {
      folder.remove();
    }
  };

  it("refuses a wrong type or a huge value with the file, the entry's field and its line; writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(mutation, fc.nat(), async ([section, field, value], pick) => {
        const doc: Doc = base();
        const entries = doc[section] as Record<string, unknown>[];
        const index = pick % entries.length;
        entries[index]![field] = value;
        const report = await importOne("inventory.json", JSON.stringify(doc, null, 2));
        expect(report.ok).toBe(false);
        const [file] = report.files;
        expect(file).toMatchObject({ status: "invalid", format: "keyward.inventory-json", loaded: false });
        expect(file!.errors.some((e) => e.field?.startsWith(`${section}.${index}.${field}`))).toBe(true);
        for (const error of file!.errors) {
          expect(error.line).toBeGreaterThan(0);
          expect(error.reason.length).toBeGreaterThan(0);
          expect(error.reason.length).toBeLessThan(300);
        }
        expect(await tableCounts(t.url)).toEqual(EMPTY_COUNTS);
      }),
      { numRuns: 60 },
    );
  });

  it("refuses truncated JSON with the line where it stops, or lists it as unrecognised; writes nothing", async () => {
    const text = JSON.stringify(base(), null, 2);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: text.length - 1 }), async (cut) => {
        const report = await importOne("cut.json", text.slice(0, cut));
        expect(report.ok).toBe(false);
        const [file] = report.files;
        expect(["invalid", "unrecognised"]).toContain(file!.status);
        if (file!.status === "invalid")
          expect(file!.errors[0]).toMatchObject({ line: expect.any(Number), reason: expect.stringMatching(/^not valid JSON/) });
        if (cut > 40) expect(file!.status).toBe("invalid");
        expect(await tableCounts(t.url)).toEqual(EMPTY_COUNTS);
      }),
      { numRuns: 40 },
    );
  });

  it("refuses CSV with a bad quote or a wrong number of fields, naming the line; writes nothing", async () => {
    const header = "kind,externalType,externalId,name,type";
    const good = (i: number) => `identity,keyward.identity,id-${i},name ${i},service_account`;
    const broken = fc.constantFrom(
      "identity,keyward.identity,x",
      'identity,keyward.identity,"open,n,service_account',
      'identity,keyward.identity,a"b,n,service_account',
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 5 }), broken, async (before, bad) => {
        const lines = [header, ...Array.from({ length: before }, (_, i) => good(i)), bad, good(99)];
        const report = await importOne("inv.csv", lines.join("\n"));
        const [file] = report.files;
        expect(file).toMatchObject({ status: "invalid", format: "keyward.inventory-csv" });
        expect(file!.errors[0]!.line).toBe(before + 2);
        expect(await tableCounts(t.url)).toEqual(EMPTY_COUNTS);
      }),
      { numRuns: 25 },
    );
  });

  it("loads unicode and formula-like names exactly; CSV cells of them are escaped and read back", async () => {
    const formulaLead = fc.constantFrom("=", "+", "-", "@", "\t", "\r", "'", "");
    const name = fc
      .tuple(formulaLead, fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }))
      .map(([lead, rest]) => `${lead}${rest}`);
    let n = 0;
    let loaded = 0;
    await fc.assert(
      fc.asyncProperty(name, async (value) => {
        const id = `unicode-${n++}`;
        const report = await importOne(
          "u.json",
          JSON.stringify({ keyward: "inventory/v1", identities: [identityEntry(id, { name: value })] }),
        );
        if (!report.ok) {
          // Only text the database cannot hold (NUL) or that looks like a secret may be refused.
          expect(report.files[0]!.errors[0]).toMatchObject({ field: "identities.0.name" });
          return;
        }
        loaded += 1;
        const [row] = await query<{ name: string }>(t.url, "SELECT name FROM identities WHERE external_id = $1", [id]);
        expect(row!.name).toBe(value);
        const cell = csvRow([value]);
        if (/^[=+\-@\t\r']/.test(value)) expect(cell.replace(/^"/, "").startsWith("'")).toBe(true);
        const csv = `kind,externalType,externalId,name,type\r\n${csvRow(["identity", "keyward.identity", id, value, "service_account"])}`;
        const [batch] = inventoryCsvFormat.parse(inspectFile("x.csv", csv));
        expect((batch!.items[0] as { name: string }).name).toBe(value);
      }),
      { numRuns: 40 },
    );
    expect(loaded).toBeGreaterThan(30);
  });
});
