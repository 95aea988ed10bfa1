import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createFingerprinter, detectFormat, expectHarnessPasses, HARNESS_SCOPE, inspectFile, type FormatBatch } from "../sdk";
import { keywardConnector } from "../keyward";
import { FileProblemsError, type FileProblem } from "../keyward/text/file-problems";
import { peopleConnector } from ".";

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8");
const formats = [...peopleConnector.formats, ...keywardConnector.formats];
const ctx = { scope: HARNESS_SCOPE, parent: undefined, fingerprint: createFingerprinter(Buffer.alloc(32, 1)) };

function load(path: string, text: string): FormatBatch[] {
  const file = inspectFile(path, text);
  const detected = detectFormat(file, formats);
  if (!detected) throw new Error("not recognised");
  return [...detected.format.parse(file)];
}

const records = (batches: FormatBatch[]) =>
  batches.flatMap((b) => b.items.flatMap((item) => peopleConnector.streams[0]!.transform(item, ctx)));

function problemsOf(path: string, text: string): FileProblem[] {
  try {
    load(path, text);
  } catch (error) {
    if (error instanceof FileProblemsError) return [...error.problems];
    throw error;
  }
  throw new Error("expected the file to be refused");
}

describe("people connector", () => {
  it("passes the connector harness", async () => {
    await expectHarnessPasses(peopleConnector, {
      fixtures: [{ stream: "people", items: [{ email: "A@Example.com", name: "A", status: "left" }] }],
      files: [
        { path: "hr/export.csv", content: fixture("directory.csv") },
        { path: "hr/export.json", content: fixture("directory.json") },
      ],
    });
  });

  it("reads header variants case-insensitively and maps status words; extra columns are ignored", () => {
    expect(records(load("whatever.txt", fixture("directory.csv")))).toEqual([
      {
        kind: "person",
        externalId: "alice@example.com",
        email: "alice@example.com",
        name: "Alice Example",
        team: "Platform",
        status: "active",
      },
      {
        kind: "person",
        externalId: "bob@example.com",
        email: "bob@example.com",
        name: "Builder, Bob",
        team: "Payments",
        managerEmail: "alice@example.com",
        status: "left",
      },
      {
        kind: "person",
        externalId: "carol@example.com",
        email: "carol@example.com",
        name: "Carol",
        team: "Payments",
        managerEmail: "alice@example.com",
        status: "active",
      },
    ]);
  });

  it("accepts a JSON array or { people: [...] }, with the same field names", () => {
    expect(
      records(load("dir.json", fixture("directory.json"))).map((p) => [
        p.kind === "person" && p.email,
        p.kind === "person" && p.status,
      ]),
    ).toEqual([
      ["dan@example.com", "active"],
      ["eve@example.com", "left"],
    ]);
    expect(records(load("a.json", '[{"mail": "x@y.io", "state": "departed"}]'))).toEqual([
      { kind: "person", externalId: "x@y.io", email: "x@y.io", status: "left" },
    ]);
  });

  it("does not claim Keyward's own files or CSVs without a directory column", () => {
    const keywardCsv = "kind,externalId,email,name\nperson,,a@b.io,A\n";
    expect(detectFormat(inspectFile("k.csv", keywardCsv), formats)?.format.id).toBe("keyward.inventory-csv");
    expect(detectFormat(inspectFile("k.json", '{"keyward":"inventory/v1","people":[]}'), formats)?.format.id).toBe(
      "keyward.inventory-json",
    );
    expect(detectFormat(inspectFile("x.csv", "email,password\na@b.io,x\n"), peopleConnector.formats)).toBeNull();
    expect(detectFormat(inspectFile("x.json", "[]"), peopleConnector.formats)).toBeNull();
  });

  it("names the column and line of a bad e-mail, status or manager, and of a repeated e-mail", () => {
    const csv = [
      "email,name,manager,status",
      "a@example.com,A,,active",
      "not-an-email,B,,active",
      "c@example.com,C,Jane Doe,gone fishing",
      "A@EXAMPLE.com,A2,,left",
    ].join("\n");
    expect(problemsOf("d.csv", csv)).toEqual([
      { field: "email", line: 3, reason: "must be an e-mail address" },
      { field: "manager", line: 4, reason: "must be an e-mail address" },
      { field: "status", line: 4, reason: "must be active or left" },
      { field: "email", line: 5, reason: "same e-mail as line 2" },
    ]);
  });

  it("names the JSON path and line of a bad entry, and where truncated JSON stops", () => {
    expect(problemsOf("d.json", '[\n  {"email": "a@b.io"},\n  {"email": 42}\n]')).toEqual([
      { field: "1.email", line: 3, reason: expect.stringContaining("expected string") },
    ]);
    expect(problemsOf("d.json", '[\n  {"email": "a@b.io", "name": "A')).toEqual([
      { line: 2, reason: "not valid JSON: the document ends inside a string (truncated?)" },
    ]);
  });
});
