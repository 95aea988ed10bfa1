import { describe, expect, it } from "vitest";
import { ORG, restJson, withContext } from "./__fixtures__/rest-files";
import { only, single, transformWith } from "./__fixtures__/transform-helpers";
import { personalAccessTokenRequestsStream, personalAccessTokensStream } from "./streams/personal-access-tokens";

const grants = withContext(restJson("orgs/acme-corp/personal-access-tokens.json"), { org: ORG });
const [expiring, neverExpires, expired] = grants;
const [request] = restJson("orgs/acme-corp/personal-access-token-requests.json");
const transform = transformWith(personalAccessTokensStream);

describe("fine-grained PAT transform", () => {
  it("records a token with its expiry (any zone), last use, owner and permissions, granting write", () => {
    const records = transform(expiring);
    expect(single(records, "credential")).toMatchObject({
      externalType: "github.pat",
      externalId: `${ORG}:98716`,
      name: "Release automation",
      type: "pat",
      status: "active",
      expiresAt: "2027-03-01T07:00:00.000Z",
      lastUsedAt: "2026-11-30T10:00:00.000Z",
      attributes: {
        tokenId: 98716,
        grantId: 25381,
        organization: ORG,
        ownerLogin: "octocat",
        ownerProvenance: "github.pat:owner",
        repositorySelection: "all",
        accessGrantedAt: "2023-05-16T15:47:09.000Z",
        permissions: { organization: { members: "read" }, repository: { metadata: "read", contents: "write" }, other: {} },
      },
    });
    expect(single(records, "edge")).toMatchObject({
      type: "has_permission",
      to: { externalId: ORG },
      level: "write",
      attributes: { strongest: ["contents"] },
    });
  });

  it("marks a token without expiry (token_expires_at null) and never used, and grades administration write as admin", () => {
    const records = transform(neverExpires);
    const credential = single(records, "credential");
    expect(credential.expiresAt).toBeUndefined();
    expect(credential.lastUsedAt).toBeUndefined();
    expect(credential.attributes).toMatchObject({ neverExpires: true, neverUsed: true, repositorySelection: "subset" });
    expect(single(records, "edge").level).toBe("admin");
  });

  it("records an expired token as expired, with no grant edge", () => {
    const records = transform(expired);
    expect(single(records, "credential")).toMatchObject({ status: "expired", expiresAt: "2024-01-01T00:00:00.000Z" });
    expect(only(records, "edge")).toEqual([]);
  });

  it("takes the organization from repositories_url when the context has none", () => {
    expect(single(transform({ ...(expiring as object), keyward: {} }), "credential").externalId).toBe(`${ORG}:98716`);
  });
});

describe("fine-grained PAT request transform", () => {
  it("records a pending request as an inactive token with its reason, and no grant", () => {
    const records = transformWith(personalAccessTokenRequestsStream)(request);
    expect(records).toHaveLength(1);
    expect(single(records, "credential")).toMatchObject({
      externalType: "github.pat_request",
      externalId: `${ORG}:25390`,
      name: "docs-build",
      type: "pat",
      status: "inactive",
      createdAt: "2026-11-28T08:47:09.000Z",
      expiresAt: "2027-02-28T00:00:00.000Z",
      attributes: {
        requestId: 25390,
        tokenId: 98720,
        pending: true,
        reason: "Need to read repository contents for the docs site build",
        ownerLogin: "octocat",
        neverUsed: true,
      },
    });
  });
});
