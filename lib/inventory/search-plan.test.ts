import { describe, expect, it } from "vitest";
import { COMMON_TRIGRAM_SHARE, planSearch, searchTrigrams } from "@/lib/inventory/search-plan";

const common = COMMON_TRIGRAM_SHARE * 2;
const rare = COMMON_TRIGRAM_SHARE / 2;
/** Every trigram of "credential" is in most rows; digits are rare. */
const shares = new Map(searchTrigrams("credential arn aws iam").map((t) => [t, common]));

describe("searchTrigrams", () => {
  it("takes the trigrams inside words, lower-cased, without boundary padding or repeats", () => {
    expect(searchTrigrams("Ab-CDEF cdef")).toEqual(["cde", "def"]);
    expect(searchTrigrams("a-b c")).toEqual([]);
    expect(searchTrigrams("ÉTÉ")).toEqual(["été"]);
  });
});

describe("planSearch", () => {
  it("narrows by the rare runs when the search has a common trigram", () => {
    expect(planSearch("Credential-12345", shares)).toEqual({ kind: "parts", text: "credential-12345", parts: ["12345"] });
    // A word mixing both: only its rare stretch; two rare words: both.
    expect(planSearch("credential98765", shares)).toEqual({ kind: "parts", text: "credential98765", parts: ["al98765"] });
    expect(planSearch("arn:aws:iam::123456789012:role/deploy", shares)).toEqual({
      kind: "parts",
      text: "arn:aws:iam::123456789012:role/deploy",
      parts: ["123456789012", "role", "deploy"],
    });
  });

  it("keeps the whole search when nothing in it is common, or nothing is rare enough to narrow by", () => {
    expect(planSearch("deploy-bot", shares)).toEqual({ kind: "whole", text: "deploy-bot" });
    expect(planSearch("credential", shares)).toEqual({ kind: "whole", text: "credential" });
    // "12" has no trigram of its own: nothing to narrow by.
    expect(planSearch("credential-12", shares)).toEqual({ kind: "whole", text: "credential-12" });
    expect(planSearch("x", new Map())).toEqual({ kind: "whole", text: "x" });
  });

  it("counts a trigram as common only above the threshold", () => {
    const edge = new Map([["abc", COMMON_TRIGRAM_SHARE], ["bcd", rare], ["cde", common]]);
    expect(planSearch("abcde", edge)).toEqual({ kind: "parts", text: "abcde", parts: ["abcd"] });
  });
});
