import { describe, expect, it } from "vitest";
import { unescapeCell } from "@/connectors/keyward/formats/csv-cells";
import { readCsv } from "@/connectors/keyward/text/csv-reader";
import { csvCell, csvRow, neutraliseCell } from "@/lib/inventory/csv-cell";
import { DANGEROUS_FIRST, FORMULA_PAYLOADS } from "@/lib/evidence/testing/formula-payloads";

describe("csvCell", () => {
  it.each(FORMULA_PAYLOADS)("writes %j so that, read back as RFC 4180, no cell starts dangerously", (payload) => {
    const rows = readCsv(csvRow(["name", payload, "after"]));
    expect(rows).toHaveLength(1);
    const [before, cell, after] = rows[0]!.fields;
    expect([before, after]).toEqual(["name", "after"]);
    expect(cell).not.toMatch(DANGEROUS_FIRST);
  });

  it.each([
    ["=SUM(A1)", "'=SUM(A1)"],
    ["-2", "'-2"],
    [" =1", "' =1"],
    ["\u00a0+1", "'\u00a0+1"],
    ["'=1", "''=1"],
    ["'Ohana", "''Ohana"],
    ["a-b=c", "a-b=c"],
    [" plain", " plain"],
    ["", ""],
  ])("neutralises %j as %j", (value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
  });

  it("quotes per RFC 4180 and keeps numbers, booleans, null and objects readable", () => {
    expect(csvRow(['say "hi"', "a,b", "x\ny", null, undefined, 7, true, { a: 1 }])).toBe(
      `"say ""hi""","a,b","x\ny",,,7,true,"{""a"":1}"\r\n`,
    );
    // A negative number is a formula lead too: spreadsheets would compute it. Keyward exports no
    // negative numbers, and the guard keeps the value as text.
    expect(csvCell(-5)).toBe("'-5");
  });

  it("is undone exactly by Keyward's CSV import, so an export imports back unchanged", () => {
    for (const value of [...FORMULA_PAYLOADS, "'Ohana", "plain", " plain", "-", "@"]) {
      const [row] = readCsv(csvRow([value]));
      expect(unescapeCell(row!.fields[0]!), JSON.stringify(value)).toBe(value);
    }
  });
});
