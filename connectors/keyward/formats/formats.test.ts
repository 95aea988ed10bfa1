import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { inspectFile } from "../../sdk";
import { FileProblemsError, type FileProblem } from "../text/file-problems";
import { inventoryCsvFormat } from "./inventory-csv";
import { inventoryJsonFormat } from "./inventory-json";

const fixture = (name: string) => readFileSync(new URL(`../__fixtures__/${name}`, import.meta.url), "utf8");

function problemsOf(parse: () => unknown): FileProblem[] {
  try {
    parse();
  } catch (error) {
    if (error instanceof FileProblemsError) return [...error.problems];
    throw error;
  }
  throw new Error("expected the file to be refused");
}

const json = (doc: unknown, path = "doc.json") => inspectFile(path, JSON.stringify(doc, null, 2));
const parseJson = (doc: unknown) => () => inventoryJsonFormat.parse(json(doc));
const parseCsv = (text: string) => () => inventoryCsvFormat.parse(inspectFile("k.csv", text));
const identity = { externalType: "keyward.identity", externalId: "svc-1", name: "svc", type: "service_account" };

describe("keyward JSON document", () => {
  it("returns one batch per section present, in document order of entries", () => {
    const batches = inventoryJsonFormat.parse(inspectFile("x.json", fixture("inventory.json")));
    expect(batches.map((b) => [b.stream, b.items.length])).toEqual([
      ["identities", 2],
      ["credentials", 3],
      ["resources", 1],
      ["edges", 1],
      ["people", 1],
    ]);
  });

  it("treats an empty section as declared-empty and an absent one as not given", () => {
    expect(inventoryJsonFormat.parse(json({ keyward: "inventory/v1", edges: [] }))).toEqual([{ stream: "edges", items: [] }]);
  });

  it("names the field and the line of every problem", () => {
    const doc = {
      keyward: "inventory/v1",
      identities: [
        identity,
        { ...identity, externalId: "svc-2", type: "robot" },
        { ...identity, externalId: "svc-3", createdAt: "2024-01-01T10:00:00" },
      ],
    };
    expect(problemsOf(parseJson(doc))).toEqual([
      { field: "identities.1.type", line: 14, reason: expect.stringContaining("Invalid option") },
      { field: "identities.2.createdAt", line: 21, reason: expect.stringContaining("with a zone") },
    ]);
  });

  it("rejects unknown fields without printing a key that looks like a secret", () => {
    const secretKey = "ghp_0123456789abcdefghijABCDEFGHIJ012345";
    const problems = problemsOf(
      parseJson({ keyward: "inventory/v1", identities: [{ ...identity, lastUsed: "x", [secretKey]: 1 }] }),
    );
    expect(problems.map((p) => [p.field, p.reason])).toEqual([
      ["identities.0.lastUsed", "unknown field"],
      ["identities.0.<key>", "unknown field"],
    ]);
    expect(JSON.stringify(problems)).not.toContain(secretKey);
  });

  it("rejects a second entry with the same natural key, naming the first one's line", () => {
    const problems = problemsOf(parseJson({ keyward: "inventory/v1", identities: [identity, identity] }));
    expect(problems).toEqual([
      { field: "identities.1", line: 10, reason: "same externalType and externalId as the entry on line 4" },
    ]);
  });

  it("refuses an unknown version, a non-array section and value together with a fingerprint", () => {
    expect(problemsOf(parseJson({ keyward: "inventory/v9" }))[0]).toMatchObject({
      field: "keyward",
      reason: expect.stringContaining("unsupported version"),
    });
    expect(problemsOf(parseJson({ keyward: "inventory/v1", people: {} }))[0]).toMatchObject({
      field: "people",
      reason: "must be an array",
    });
    const credential = {
      externalType: "keyward.credential",
      externalId: "c",
      name: "c",
      type: "token",
      value: "v",
      fingerprint: `hmac-sha256:${"a".repeat(64)}`,
    };
    expect(problemsOf(parseJson({ keyward: "inventory/v1", credentials: [credential] }))[0]).toMatchObject({
      field: "credentials.0.value",
    });
  });

  it("reports where truncated JSON ends, without quoting it", () => {
    const text = '{\n  "keyward": "inventory/v1",\n  "identities": [\n    { "name": "ghp_secretsecret';
    const problems = problemsOf(() => inventoryJsonFormat.parse(inspectFile("cut.json", text)));
    expect(problems).toEqual([{ line: 4, reason: "not valid JSON: the document ends inside a string (truncated?)" }]);
  });

  it("caps the number of problems reported for one file", () => {
    const identities = Array.from({ length: 50 }, (_, i) => ({ ...identity, externalId: `s${i}`, type: 7 }));
    expect(problemsOf(parseJson({ keyward: "inventory/v1", identities }))).toHaveLength(20);
  });
});

describe("keyward CSV", () => {
  it("parses rows of several kinds into one batch per section", () => {
    const batches = inventoryCsvFormat.parse(inspectFile("k.csv", fixture("inventory.csv")));
    expect(batches.map((b) => [b.stream, b.items.length])).toEqual([
      ["identities", 1],
      ["credentials", 1],
      ["resources", 1],
      ["edges", 1],
      ["people", 1],
    ]);
    expect(batches[0]!.items[0]).toMatchObject({ owner: { email: "bob@example.com" }, attributes: { namespace: "payments" } });
  });

  it("undoes spreadsheet escaping of formula-like cells, keeping other apostrophes", () => {
    const [batch] = inventoryCsvFormat.parse(
      inspectFile(
        "k.csv",
        "kind,externalType,externalId,name,type,purpose\nidentity,keyward.identity,a,'=SUM(A1),other,'Ohana\n",
      ),
    );
    expect(batch!.items[0]).toMatchObject({ name: "=SUM(A1)", purpose: "'Ohana" });
  });

  it("ignores finding rows: findings are derived, never imported", () => {
    expect(inventoryCsvFormat.parse(inspectFile("f.csv", "kind,id,externalId\nfinding,1,x\n"))).toEqual([]);
  });

  it("names column and line for bad cells, unknown columns, wrong kinds and field counts", () => {
    expect(problemsOf(parseCsv("kind,externalId,bogus\n"))).toEqual([
      { field: "bogus", line: 1, reason: "unknown column (not in Keyward CSV v1)" },
    ]);
    const text = [
      "kind,externalType,externalId,name,type,keySize,attributes,email",
      "identity,keyward.identity,a,a,service_account,,{nope,",
      "credential,keyward.credential,c,c,token,-5,,",
      "robot,,,,,,,",
      "identity,keyward.identity,b,b,service_account,,,x@y.io",
      "identity,too,few",
    ].join("\n");
    expect(problemsOf(parseCsv(text))).toEqual([
      { field: "attributes", line: 2, reason: "not valid JSON" },
      { field: "keySize", line: 3, reason: expect.stringContaining("Too small") },
      { field: "kind", line: 4, reason: "must be one of identity, credential, resource, edge, person, finding" },
      { field: "email", line: 5, reason: "column does not apply to identity rows" },
      { line: 6, reason: "expected 8 fields, found 3" },
    ]);
  });

  it("reports a quote that is never closed with the line it starts on", () => {
    expect(problemsOf(parseCsv('kind,externalId,name\nidentity,"a\nb,c\n'))).toEqual([
      { line: 2, reason: "not valid CSV: a quoted field is never closed" },
    ]);
  });
});
