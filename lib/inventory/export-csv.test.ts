import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, FINDING_COLUMNS } from "@/connectors/keyward/formats/csv-columns";
import { csvCell, csvRow, dottedValue } from "@/lib/inventory/csv-cell";
import { EXPORT_CSV_COLUMNS } from "@/lib/inventory/export-csv-columns";

describe("CSV cells", () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ["+1 555", "'+1 555"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", `"'\rcmd"`],
    ["'quoted", "''quoted"],
    ["plain, with comma", `"plain, with comma"`],
    ["line\nbreak", `"line\nbreak"`],
    ["naïve ✓", "naïve ✓"],
  ])("writes %j spreadsheet-safe as %j", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it("writes null as empty, objects as JSON and booleans as words", () => {
    expect(csvRow([null, undefined, { a: [1] }, false, 7])).toBe(`,,"{""a"":[1]}",false,7\r\n`);
    expect(dottedValue({ owner: { email: "a@b.io" } }, "owner.email")).toBe("a@b.io");
    expect(dottedValue({ owner: null }, "owner.email")).toBeUndefined();
  });
});

describe("export CSV columns", () => {
  it("are Keyward CSV's import columns (less the write-only value), so an exported folder imports back", () => {
    const sections = {
      identities: "identity",
      credentials: "credential",
      resources: "resource",
      edges: "edge",
      people: "person",
    } as const;
    for (const [section, kind] of Object.entries(sections)) {
      expect(EXPORT_CSV_COLUMNS[section as keyof typeof sections], section).toEqual(
        CSV_COLUMNS[kind].filter((c) => c !== "value"),
      );
    }
    expect(EXPORT_CSV_COLUMNS.findings).toEqual(FINDING_COLUMNS);
  });
});
