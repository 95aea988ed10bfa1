import type { StreamPage } from "../../sdk";

/*
 * GitLab's offset pagination: `page`/`per_page` in, `x-next-page` out (empty on the last page).
 * gitbeaker, given an explicit `page`, fetches only that page and reports `paginationInfo.next`;
 * the page number becomes the stream cursor, so a resumed sync continues where it stopped and
 * gitbeaker never follows `Link` URLs (which come from the server) on its own.
 */

export interface OffsetPage {
  readonly data: unknown[];
  readonly paginationInfo: { readonly next: number | null };
}

export async function listPage(
  fetchPage: (page: number) => Promise<OffsetPage>,
  cursor: string | undefined,
  withContext: (item: Record<string, unknown>) => Record<string, unknown>,
): Promise<StreamPage> {
  const page = cursor === undefined ? 1 : Number(cursor);
  if (!Number.isInteger(page) || page < 1) throw new TypeError("invalid page cursor");
  const { data, paginationInfo } = await fetchPage(page);
  const items = data.map((item) => withContext(item as Record<string, unknown>));
  const next = paginationInfo.next;
  return { items, ...(next !== null && next > page ? { nextCursor: String(next) } : {}) };
}
