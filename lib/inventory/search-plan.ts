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

/** Words as pg_trgm splits them: runs of letters and digits. */
function wordsOf(text: string): string[][] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0).map((w) => [...w]);
}

/** The trigrams inside the words of the search (no boundary padding), as refresh_search_trigrams keeps them. */
export function searchTrigrams(search: string): string[] {
  const trigrams = new Set<string>();
  for (const chars of wordsOf(search.toLowerCase())) {
    for (let i = 0; i + 3 <= chars.length; i++) trigrams.add(chars.slice(i, i + 3).join(""));
  }
  return [...trigrams];
}

/** `shares`: each known trigram's share of rows; an unknown one is rare. */
export function planSearch(search: string, shares: ReadonlyMap<string, number>): SearchPlan {
  const text = search.toLowerCase();
  const isCommon = (trigram: string) => (shares.get(trigram) ?? 0) > COMMON_TRIGRAM_SHARE;
  const parts: string[] = [];
  let common = false;
  for (const chars of wordsOf(text)) {
    // Maximal runs of rare trigrams: trigram i covers chars i..i+2.
    let start: number | null = null;
    for (let i = 0; i + 3 <= chars.length + 1; i++) {
      const rare = i + 3 <= chars.length && !isCommon(chars.slice(i, i + 3).join(""));
      if (i + 3 <= chars.length && !rare) common = true;
      if (rare && start === null) start = i;
      if (!rare && start !== null) {
        parts.push(chars.slice(start, i + 2).join(""));
        start = null;
      }
    }
  }
  if (!common || parts.length === 0) return { kind: "whole", text };
  return { kind: "parts", text, parts: [...new Set(parts)] };
}
