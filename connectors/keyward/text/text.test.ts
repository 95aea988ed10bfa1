import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvSyntaxError, readCsv } from "./csv-reader";
import { findJsonSyntaxProblem, lineOfJsonPath } from "./json-locate";
import { isShowableKey, safeFieldPath } from "./safe-field";

const quote = (field: string) => `"${field.replace(/"/g, '""')}"`;

describe("readCsv", () => {
  it("reads back any table written with RFC 4180 quoting, with the line each record starts on", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom("\n", "\r\n"),
        (rows, eol) => {
          const text = rows.map((row) => row.map(quote).join(",")).join(eol) + eol;
          const read = readCsv(text);
          expect(read.map((r) => r.fields)).toEqual(rows);
          let line = 1;
          read.forEach((row, index) => {
            expect(row.line).toBe(line);
            line += 1 + (rows[index]!.join("").match(/\r\n|\r|\n/g)?.length ?? 0);
          });
        },
      ),
    );
  });

  it("skips blank lines and reads unquoted fields as they are", () => {
    expect(readCsv("a,b\n\nc, d \n").map((r) => [r.line, r.fields])).toEqual([
      [1, ["a", "b"]],
      [3, ["c", " d "]],
    ]);
  });

  it("refuses an unclosed quote, text after a closing quote and a stray quote", () => {
    expect(() => readCsv('a,"b\nc')).toThrow(CsvSyntaxError);
    expect(() => readCsv('a,"b"c\n')).toThrow(/after a closing quote/);
    expect(() => readCsv('a,b"c\n')).toThrow(/quote inside an unquoted field/);
  });
});

describe("JSON locations", () => {
  const text = '{\n  "a": [\n    1,\n    { "b": "x" }\n  ],\n  "c": null\n}';

  it("finds the line of a value or property by path", () => {
    expect(lineOfJsonPath(text, ["a"])).toBe(2);
    expect(lineOfJsonPath(text, ["a", 1, "b"])).toBe(4);
    expect(lineOfJsonPath(text, ["c"])).toBe(6);
    expect(lineOfJsonPath(text, ["missing"])).toBeUndefined();
  });

  it("agrees with JSON.parse on validity and locates the first error", () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), (json, cut) => {
        const truncated = json.slice(0, cut % (json.length + 1));
        let valid = true;
        try {
          JSON.parse(truncated);
        } catch {
          valid = false;
        }
        expect(findJsonSyntaxProblem(truncated) === undefined).toBe(valid);
      }),
    );
    expect(findJsonSyntaxProblem('{\n  "a": 1,\n  "b": tru\n}')).toEqual({ line: 3, column: 8, reason: "unexpected character" });
  });
});

describe("safe field names", () => {
  it("prints schema-like names and indexes but hides keys that may be secrets", () => {
    expect(safeFieldPath(["credentials", 3, "locations", 0, "path"])).toBe("credentials.3.locations.0.path");
    expect(safeFieldPath(["attributes", "ghp_0123456789abcdefghij0123456789abcdef"])).toBe("attributes.<key>");
    expect(isShowableKey("region")).toBe(true);
    expect(isShowableKey("a3f9c2e81b7d4e60")).toBe(false);
    expect(isShowableKey("x".repeat(33))).toBe(false);
    expect(isShowableKey("xoxb-1234567890")).toBe(false);
  });
});
