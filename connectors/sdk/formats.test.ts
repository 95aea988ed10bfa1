import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keysJsonFormat, usersCsvFormat } from "./__fixtures__/toy-connector";
import { parseFirstCsvRecord } from "./csv-header";
import type { FormatDefinition } from "./format-types";
import { defineFormat, detectFormat, FormatError, inspectFile } from "./formats";

const formats = [usersCsvFormat, keysJsonFormat];

describe("inspectFile", () => {
  it("parses JSON objects and arrays", () => {
    expect(inspectFile("a.json", '  {"apiKeys": []}').json).toEqual({ apiKeys: [] });
    expect(inspectFile("a.json", Buffer.from("[1,2]")).json).toEqual([1, 2]);
    expect(inspectFile("a.json", "{not json").json).toBeUndefined();
  });

  it("reads the CSV header with quoting, strips a BOM and normalises paths", () => {
    const file = inspectFile(".\\reports\\creds.csv", '\uFEFFuser,"arn, full","say ""hi"""\r\nroot,x,y\r\n');
    expect(file.path).toBe("reports/creds.csv");
    expect(file.csvHeader).toEqual(["user", "arn, full", 'say "hi"']);
    expect(file.text.startsWith("user")).toBe(true);
  });

  it("does not invent a CSV header for single-column text, PEM or binary", () => {
    expect(inspectFile("x.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n").csvHeader).toBeUndefined();
    expect(inspectFile("x.der", new Uint8Array([0x30, 0x82, 0x2c, 0x00, 0x2c])).csvHeader).toBeUndefined();
    expect(inspectFile("x.der", new Uint8Array([0x30, 0x82])).bytes).toEqual(new Uint8Array([0x30, 0x82]));
  });

  it.each(["/etc/passwd", "../outside.json", "a/../../b.json", "C:/x.json"])("refuses path %s", (path) => {
    expect(() => inspectFile(path, "{}")).toThrow(FormatError);
  });
});

describe("parseFirstCsvRecord", () => {
  it("round-trips any list of fields written with RFC 4180 quoting", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 8 }), (fields) => {
        const line = fields.map((f) => `"${f.replace(/"/g, '""')}"`).join(",");
        expect(parseFirstCsvRecord(`${line}\nnext,row`)).toEqual(fields);
      }),
    );
  });

  it("returns undefined for an unterminated quote or text after a closing quote", () => {
    expect(parseFirstCsvRecord('"open,a')).toBeUndefined();
    expect(parseFirstCsvRecord('"a"b,c')).toBeUndefined();
  });
});

describe("detectFormat", () => {
  it("recognises files by content, not by name", () => {
    const csv = inspectFile("whatever.txt", "id,name,owner,created\nu1,bot,,2024-01-01T00:00:00Z\n");
    expect(detectFormat(csv, formats)?.format.id).toBe("toy.users-csv");
    const json = inspectFile("keys/u1.json", '{"apiKeys":[]}');
    expect(detectFormat(json, formats)).toMatchObject({ format: { id: "toy.keys-json" }, confidence: 0.9 });
    expect(detectFormat(inspectFile("keys/u1.json", '{"other":1}'), formats)).toBeNull();
  });

  it("prefers the most confident detector", () => {
    const vague = defineFormat({ ...keysJsonFormat, id: "vague", detect: (f) => (f.json ? 0.2 : false) });
    const file = inspectFile("keys/u1.json", '{"apiKeys":[]}');
    expect(detectFormat(file, [vague, keysJsonFormat])?.format.id).toBe("toy.keys-json");
  });

  it("reports two formats with equal top confidence as ambiguous", () => {
    const twin = defineFormat({ ...keysJsonFormat, id: "toy.keys-json-v2" });
    const file = inspectFile("keys/u1.json", '{"apiKeys":[]}');
    const error = (() => {
      try {
        detectFormat(file, [keysJsonFormat, twin]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(FormatError);
    expect(error).toMatchObject({ code: "ambiguous_format", file: "keys/u1.json" });
    expect((error as Error).message).toContain("toy.keys-json and toy.keys-json-v2");
  });

  it("turns a throwing or out-of-range detector into a FormatError", () => {
    const throwing: FormatDefinition = {
      ...usersCsvFormat,
      id: "boom",
      detect: () => {
        throw new Error("x");
      },
    };
    const silly: FormatDefinition = { ...usersCsvFormat, id: "silly", detect: () => 7 };
    const file = inspectFile("a.csv", "a,b\n");
    expect(() => detectFormat(file, [throwing])).toThrow(/detector "boom" failed/);
    expect(() => detectFormat(file, [silly])).toThrow(/returned 7/);
  });
});

describe("FormatError", () => {
  it("prints file, line, field and reason, and parse errors name the field path", () => {
    const error = new FormatError("parse_failed", { file: "a.csv", line: 3, field: "created", reason: "not a date" });
    expect(error.message).toBe("a.csv: line 3: created: not a date");
    const file = inspectFile("keys/u1.json", '{"apiKeys": "nope"}');
    expect(() => keysJsonFormat.parse(file)).toThrow(expect.objectContaining({ field: "apiKeys", file: "keys/u1.json" }));
    const badPath = inspectFile("u1.json", '{"apiKeys": []}');
    expect(() => keysJsonFormat.parse(badPath)).toThrow(/keys\/<user id>\.json/);
  });
});
