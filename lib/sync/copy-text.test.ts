import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, copyInt4, copyJson, copyText, jsonPayload, RecordEncodingError } from "@/lib/sync/copy-text";

/** What PostgreSQL's COPY text format makes of an escaped field (the inverse of copyText). */
function unescapeCopy(field: string): string {
  return field.replace(/\\(.)/g, (_, c: string) => ({ t: "\t", n: "\n", r: "\r", "\\": "\\" })[c] ?? c);
}

describe("COPY text encoding", () => {
  it("escapes backslash, tab, newline and carriage return, and nothing else", () => {
    expect(copyText("a\tb\nc\rd\\e é 🔑", "f")).toBe("a\\tb\\nc\\rd\\\\e é 🔑");
    expect(copyText("\\N", "f")).toBe("\\\\N");
  });

  it("round-trips any well-formed string without NUL", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (value) => {
        fc.pre(!value.includes("\0"));
        const encoded = copyText(value, "f");
        expect(encoded).not.toMatch(/[\t\n\r]/);
        expect(unescapeCopy(encoded)).toBe(value);
      }),
    );
  });

  it("refuses NUL and lone surrogates, naming the field", () => {
    expect(() => copyText("a\0b", "name")).toThrow(new RecordEncodingError("name", "contains a NUL character"));
    expect(() => copyText("x\ud800", "name")).toThrow(RecordEncodingError);
    expect(() => jsonPayload(["ok", { deep: ["\0"] }], ["scope", "attributes"])).toThrow(/^attributes: /);
    expect(() => jsonPayload(["ok", { deep: "\udc00" }], ["scope", "tags"])).toThrow(/^tags: /);
  });

  it("does not mistake an escaped backslash followed by u0000 for a NUL", () => {
    expect(jsonPayload(["\\u0000"], ["name"])).toBe('["\\\\\\\\u0000"]');
  });

  it("sorts object keys at every level so equal content serialises equally", () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } }, "f")).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(canonicalJson(reversed, "f")).toBe(canonicalJson(value, "f"));
      }),
    );
  });

  it("escapes JSON for COPY so that PostgreSQL reads back the same JSON", () => {
    const json = copyJson({ path: "C:\\temp\n" }, "f");
    expect(json).toBe('{"path":"C:\\\\\\\\temp\\\\n"}');
    expect(JSON.parse(unescapeCopy(json))).toEqual({ path: "C:\\temp\n" });
  });

  it("refuses integers PostgreSQL's integer cannot hold", () => {
    expect(copyInt4(4096, "keySize")).toBe("4096");
    expect(() => copyInt4(2 ** 31, "keySize")).toThrow(/keySize/);
  });
});
