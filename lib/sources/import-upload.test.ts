import { describe, expect, it } from "vitest";
import { checkUploadSize, MAX_UPLOAD_BYTES, safeRelativePath } from "@/lib/sources/import-upload";

describe("uploaded file names", () => {
  it.each([
    ["keys.json", "keys.json"],
    ["list-user-tags/alice.json", "list-user-tags/alice.json"],
    ["../../etc/passwd", "etc/passwd"],
    ["/abs/path.json", "abs/path.json"],
    ["C:\\exports\\roles.json", "C:/exports/roles.json"],
    ["./a/./b\u0000.json", "a/b.json"],
    ["..", null],
    ["", null],
  ])("%j is written as %j, inside the upload folder", (name, expected) => {
    expect(safeRelativePath(name)).toBe(expected);
  });
});

describe("upload caps", () => {
  it("refuses no files, and more than the total size, naming the field", () => {
    expect(() => checkUploadSize([])).toThrow(expect.objectContaining({ code: "INVALID_INPUT", field: "files" }));
    const big = { name: "a", data: { byteLength: MAX_UPLOAD_BYTES } as Uint8Array };
    expect(() => checkUploadSize([big])).not.toThrow();
    expect(() => checkUploadSize([big, { name: "b", data: new Uint8Array(1) }])).toThrow(/at most 100 MiB/);
  });
});
