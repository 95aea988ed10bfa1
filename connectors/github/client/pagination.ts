import { SdkError } from "../../sdk";

/*
 * GitHub pages with a `Link` header (`<…?page=2>; rel="next"`); the next page's URL becomes the
 * stream cursor, so a resumed sync continues where it stopped. The URL comes from the server, so
 * it is followed only when it stays under the configured API root: a forged link must not carry
 * the token to another host.
 */

const NEXT_LINK = /<([^>]+)>\s*;\s*rel="?next"?/;

/** The `rel="next"` URL of a `Link` header, if any. */
export function nextLinkOf(link: string | undefined): string | undefined {
  return link
    ?.split(",")
    .map((part) => NEXT_LINK.exec(part)?.[1])
    .find((url) => url !== undefined);
}

/** Refuses a cursor that is not a URL under `baseUrl`. */
export function assertUnderBaseUrl(url: string, baseUrl: string): string {
  const target = new URL(url);
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/+$/, "");
  if (target.origin !== base.origin || !(target.pathname === basePath || target.pathname.startsWith(`${basePath}/`))) {
    throw new SdkError("foreign_page_link", `refused to follow a page link outside ${base.origin}${basePath}`);
  }
  return url;
}
