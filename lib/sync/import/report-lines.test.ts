import { describe, expect, it } from "vitest";
import type { ImportReport } from "@/lib/sync/import/import-types";
import { problemLine, reportLines } from "@/lib/sync/import/report-lines";

const counts = { added: 2, updated: 1, unchanged: 3, gone: 0, returned: 0 };

describe("import report lines", () => {
  it("prints a problem as file: line N: field: reason, leaving out what is unknown", () => {
    expect(problemLine("a.json", { line: 4, field: "identities.0.type", reason: "bad" })).toBe(
      "a.json: line 4: identities.0.type: bad",
    );
    expect(problemLine("a.csv", { reason: "not valid CSV" })).toBe("a.csv: not valid CSV");
  });

  it("prints files, then problems, then sources, then notes", () => {
    const report: ImportReport = {
      ok: false,
      files: [
        {
          path: "a.json",
          status: "ok",
          format: "keyward.inventory-json",
          provider: "keyward",
          records: 5,
          loaded: true,
          errors: [],
        },
        { path: "b.txt", status: "unrecognised", format: null, provider: null, records: 0, loaded: false, errors: [] },
        {
          path: "c.lnk",
          status: "skipped",
          format: null,
          provider: null,
          records: 0,
          loaded: false,
          errors: [{ reason: "not a regular file" }],
        },
      ],
      sources: [
        {
          name: "keyward-import",
          provider: "keyward",
          sourceId: "s",
          summary: {
            runId: "r",
            generation: 1n,
            status: "succeeded",
            counts: { identity: counts },
            errors: [],
            coverageGaps: [],
            held: null,
          },
        },
      ],
      notes: ["a note"],
    };
    expect(reportLines(report)).toEqual([
      "a.json  keyward.inventory-json  5 record(s), loaded",
      "b.txt  -  unrecognised format",
      "c.lnk  -  skipped",
      "b.txt: no known format recognises this file",
      "c.lnk: not a regular file",
      'source "keyward-import" (keyward): succeeded — identity: 2 added, 1 updated, 3 unchanged',
      "a note",
    ]);
  });
});
