/*
 * How a search asks the trigram index (pg_trgm GIN over lower(name || ' ' || external_id)).
 *
 * A GIN scan reads the posting list of every trigram of the pattern it is given. A trigram found in
 * most rows ("cre" of "credential-…", "arn" of every ARN) costs a read of most of the index and
 * narrows nothing. So the index is asked only for the search's rare parts: the runs of consecutive
 * trigrams within a word that are each in at most COMMON_TRIGRAM_SHARE of the rows (as sampled by
 * refresh_search_trigrams after every load). Rows containing the whole search contain every part,
 * so nothing is missed; an exact substring check on those few rows then keeps only real matches.
 * A search with no common trigram, or with nothing rare to narrow by, asks the index for the
 * whole pattern as before (and PostgreSQL may then prefer walking the sort index instead).
 */

/** A trigram in more than this share of rows is left out of the index condition. */
export const COMMON_TRIGRAM_SHARE = 0.01;

export type SearchPlan =
  /** The whole search as one pattern, index and check in one. */
  | { kind: "whole"; text: string }
  /** The index narrows by these parts (all of them), then the whole search is checked exactly. */
  | { kind: "parts"; text: string; parts: string[] };

/**
 * Each word's trigrams in order (trigram i covers characters i..i+2), words split as pg_trgm splits
 * them: runs of letters and digits. No boundary padding: refresh_search_trigrams keeps none either.
 */
function wordTrigrams(text: string): string[][] {
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .map((word) => [...word])
    .map((chars) => chars.slice(2).map((_, i) => chars.slice(i, i + 3).join("")));
}

/** The distinct trigrams inside the words of the search, lower-cased. */
export function searchTrigrams(search: string): string[] {
  return [...new Set(wordTrigrams(search.toLowerCase()).flat())];
}

/** `shares`: each known trigram's share of rows; an unknown one is rare. */
export function planSearch(search: string, shares: ReadonlyMap<string, number>): SearchPlan {
  const text = search.toLowerCase();
  const isCommon = (trigram: string) => (shares.get(trigram) ?? 0) > COMMON_TRIGRAM_SHARE;
  const parts = new Set<string>();
  let common = false;
  for (const trigrams of wordTrigrams(text)) {
    // Maximal runs of rare trigrams, each spelled out: the first trigram, then one more character per trigram.
    let run = "";
    for (const trigram of trigrams) {
      if (isCommon(trigram)) {
        common = true;
        if (run) parts.add(run);
        run = "";
      } else {
        run = run ? run + [...trigram][2]! : trigram;
      }
    }
    if (run) parts.add(run);
  }
  if (!common || parts.size === 0) return { kind: "whole", text };
  return { kind: "parts", text, parts: [...parts] };
}
