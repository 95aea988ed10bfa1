import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { BlockedAddressError, coverageReasonOf, SdkError } from "../sdk";
import { signAppJwt } from "./client/app-token";
import { GitHubApiError, GitHubRateLimitError, toConnectorError } from "./client/github-errors";
import { assertUnderBaseUrl, nextLinkOf } from "./client/pagination";

/** What Octokit's RequestError looks like to the error mapping. */
function requestError(status: number, message: string, headers: Record<string, string> = {}, cause?: unknown): Error {
  return Object.assign(new Error(message), {
    name: "HttpError",
    status,
    request: { method: "GET", url: "https://api.github.com/orgs/acme-corp/repos?per_page=100&page=2" },
    ...(status > 0
      ? { response: { status, headers, data: { message, documentation_url: "https://docs.github.com/rest" } } }
      : {}),
    ...(cause ? { cause } : {}),
  });
}

describe("GitHub error mapping", () => {
  it("turns a denied answer into a permission gap carrying GitHub's short message, without the query", () => {
    const error = toConnectorError(requestError(403, "Resource not accessible by integration"));
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as Error).message).toBe(
      "GET https://api.github.com/orgs/acme-corp/repos answered HTTP 403 (Resource not accessible by integration)",
    );
    expect(coverageReasonOf(error)).toBe("permission_denied");
  });

  it("does not report a rate limit the plugin gave up on as a denial", () => {
    for (const error of [
      requestError(403, "API rate limit exceeded for installation ID 1.", { "x-ratelimit-remaining": "0" }),
      requestError(403, "You have exceeded a secondary rate limit."),
      requestError(429, "Too many requests"),
    ]) {
      const mapped = toConnectorError(error);
      expect(mapped).toBeInstanceOf(GitHubRateLimitError);
      expect(coverageReasonOf(mapped)).toBe("error");
    }
  });

  it("gives back the guarded client's own error when there was no answer", () => {
    const blocked = new BlockedAddressError("10.0.0.5", "private");
    expect(toConnectorError(Object.assign(requestError(0, "refused"), { status: 500 }))).toBeInstanceOf(SdkError);
    expect(toConnectorError(Object.assign(requestError(0, "refused", {}, blocked), { status: 500 }))).toBe(blocked);
  });
});

describe("Link pagination", () => {
  const base = "https://github.acme.example/api/v3";

  it("finds the next page among the other relations", () => {
    const link = `<${base}/orgs/a/repos?page=3>; rel="next", <${base}/orgs/a/repos?page=9>; rel="last", <${base}/orgs/a/repos?page=1>; rel="first"`;
    expect(nextLinkOf(link)).toBe(`${base}/orgs/a/repos?page=3`);
    expect(nextLinkOf(`<${base}/orgs/a/repos?page=1>; rel="prev"`)).toBeUndefined();
    expect(nextLinkOf(undefined)).toBeUndefined();
  });

  it("follows only links under the configured API root", () => {
    expect(assertUnderBaseUrl(`${base}/orgs/a/repos?page=2`, base)).toBe(`${base}/orgs/a/repos?page=2`);
    expect(() => assertUnderBaseUrl("https://github.acme.example/other/orgs/a/repos?page=2", base)).toThrow(/outside/);
    expect(() => assertUnderBaseUrl("https://evil.example/api/v3/orgs/a/repos", base)).toThrow(/outside/);
    expect(() => assertUnderBaseUrl("https://api.github.com.evil.example/orgs", "https://api.github.com")).toThrow(/outside/);
  });
});

describe("App JWT", () => {
  it("is a short-lived RS256 token issued by the App, backdated a minute", () => {
    const { privateKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    const now = Date.UTC(2026, 11, 4, 15, 0, 0);
    const [header = "", payload = ""] = signAppJwt(1001, privateKey, now).split(".");
    expect(JSON.parse(Buffer.from(header, "base64url").toString())).toEqual({ alg: "RS256", typ: "JWT" });
    expect(JSON.parse(Buffer.from(payload, "base64url").toString())).toEqual({
      iat: now / 1000 - 60,
      exp: now / 1000 + 540,
      iss: "1001",
    });
  });
});
