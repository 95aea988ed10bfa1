import { describe, expect, it } from "vitest";
import { guardedRequester, waitSecondsOf } from "./client/gitlab-session";
import { listPage } from "./client/list-page";

describe("gitlab rate-limit waits", () => {
  const now = Date.parse("2026-12-04T12:00:00Z");
  const headers = (entries: Record<string, string>) => new Headers(entries);

  it("reads Retry-After as seconds or as an HTTP date, else RateLimit-Reset, else one second", () => {
    expect(waitSecondsOf(headers({ "retry-after": "7" }), now)).toBe(7);
    expect(waitSecondsOf(headers({ "retry-after": "Fri, 04 Dec 2026 12:00:30 GMT" }), now)).toBe(30);
    expect(waitSecondsOf(headers({ "ratelimit-reset": String(now / 1000 + 12) }), now)).toBe(12);
    expect(waitSecondsOf(headers({ "retry-after": "7", "ratelimit-reset": String(now / 1000 + 60) }), now)).toBe(7);
    expect(waitSecondsOf(headers({}), now)).toBe(1);
    expect(waitSecondsOf(headers({ "retry-after": "Thu, 03 Dec 2026 12:00:00 GMT" }), now)).toBe(0);
  });
});

describe("gitlab requester", () => {
  it("sends snake_case query parameters and the auth header, and refuses to write", async () => {
    const seen: { url: string; token: string | null }[] = [];
    const fetch = (async (input: URL | RequestInfo, init?: RequestInit) => {
      seen.push({ url: String(input), token: new Headers(init?.headers).get("private-token") });
      return new Response("[]", { status: 200, headers: { "content-type": "application/json", "x-next-page": "" } });
    }) as typeof globalThis.fetch;
    const requester = guardedRequester(
      fetch,
      new AbortController().signal,
    )({
      url: "https://gitlab.example.com/api/v4/groups",
      headers: {},
      authHeaders: { "private-token": async () => "t0k" },
    });
    const response = await requester.get("acme%2Fplatform/variables", {
      searchParams: { perPage: 2, page: 1, includeSubgroups: true },
    });
    expect(response).toMatchObject({ status: 200, body: [] });
    expect(seen).toEqual([
      {
        url: "https://gitlab.example.com/api/v4/groups/acme%2Fplatform/variables?per_page=2&page=1&include_subgroups=true",
        token: "t0k",
      },
    ]);
    expect(() => requester.post()).toThrow(/only reads/);
  });
});

describe("gitlab page cursor", () => {
  it("turns x-next-page into the cursor and stops on the last page", async () => {
    const first = await listPage(
      async () => ({ data: [{ id: 1 }], paginationInfo: { next: 2 } }),
      undefined,
      (i) => i,
    );
    expect(first).toEqual({ items: [{ id: 1 }], nextCursor: "2" });
    const last = await listPage(
      async () => ({ data: [{ id: 2 }], paginationInfo: { next: null } }),
      "2",
      (i) => i,
    );
    expect(last).toEqual({ items: [{ id: 2 }] });
  });

  it("refuses a cursor that is not a page number", async () => {
    await expect(
      listPage(
        async () => ({ data: [], paginationInfo: { next: null } }),
        "https://elsewhere",
        (i) => i,
      ),
    ).rejects.toThrow(/invalid page cursor/);
  });
});
