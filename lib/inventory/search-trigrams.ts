import "server-only";
import type { Db } from "@/lib/db";
import type { InventoryKind } from "@/lib/inventory/inventory-url";
import { planSearch, searchTrigrams, type SearchPlan } from "@/lib/inventory/search-plan";
import { executorOf, type SqlTarget } from "@/lib/policy/sql-executor";

/**
 * Re-samples how common each trigram of names and external ids is (refresh_search_trigrams,
 * migration 20261206000000_search_trigrams): after every load, and daily with the dashboard.
 * About half a second at a million credentials. Returns how many trigrams it kept.
 */
export async function refreshSearchTrigrams(target: SqlTarget): Promise<number> {
  const [row] = await executorOf(target as Parameters<typeof executorOf>[0]).query<{ kept: number }>("SELECT refresh_search_trigrams() AS kept");
  return row!.kept;
}

/** How this search asks the trigram index, from the sampled shares of its trigrams (lib/inventory/search-plan.ts). */
export async function searchPlanFor(db: Db, kind: InventoryKind, search: string): Promise<SearchPlan> {
  const trigrams = searchTrigrams(search);
  if (trigrams.length === 0) return planSearch(search, new Map());
  const known = await db.$queryRaw<{ trigram: string; share: number }[]>`
    SELECT trigram, share FROM search_trigrams WHERE kind = ${kind} AND trigram = ANY(${trigrams}::text[])`;
  return planSearch(search, new Map(known.map((row) => [row.trigram, row.share])));
}
