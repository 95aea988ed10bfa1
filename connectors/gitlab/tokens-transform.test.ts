import { describe, expect, it } from "vitest";
import { PAYMENTS, restJson, ROOT_GROUP, SUBGROUP, withContext } from "./__fixtures__/rest-files";
import { only, single, transformWith } from "./__fixtures__/transform-helpers";
import {
  groupAccessTokensStream,
  groupDeployTokensStream,
  projectAccessTokensStream,
  projectDeployTokensStream,
} from "./streams/tokens";
import { TOKEN_OWNER_PROVENANCE } from "./transform/token-records";

const project = { level: "project", ownerId: PAYMENTS, ownerPath: "acme/payments-api", environment: "prod" };
const accessTokens = withContext(restJson("projects/42/access_tokens.json"), project);
const deployTokens = withContext(restJson("projects/42/deploy_tokens.json"), project);
const tokenNamed = (list: Record<string, unknown>[], name: string) => list.find((t) => t.name === name) ?? {};
const toAccessRecords = transformWith(projectAccessTokensStream);
const toDeployRecords = transformWith(projectDeployTokensStream);

describe("gitlab access token records", () => {
  it("records an active token without expiry, never used, as a credential of its bot user owned by the project", () => {
    const records = toAccessRecords(tokenNamed(accessTokens, "ci-reader"));
    const credential = single(records, "credential");
    expect(credential).toMatchObject({
      externalType: "gitlab.access_token",
      externalId: "42",
      type: "token",
      status: "active",
      environment: "prod",
      createdAt: "2025-01-20T22:11:48.151Z",
      identityRef: { externalType: "gitlab.bot_user", externalId: "141" },
      attributes: {
        tokenKind: "project_access_token",
        scopes: ["read_api", "read_repository"],
        accessLevel: 20,
        role: "reporter",
        neverExpires: true,
        neverUsed: true,
      },
    });
    expect(credential.expiresAt).toBeUndefined();
    expect(credential.lastUsedAt).toBeUndefined();
    const bot = single(records, "identity");
    expect(bot).toMatchObject({
      externalType: "gitlab.bot_user",
      externalId: "141",
      type: "service_account",
      status: "active",
      isHuman: false,
      ownerHint: { team: "project acme/payments-api", provenance: TOKEN_OWNER_PROVENANCE },
    });
    const edges = only(records, "edge").map((e) => [e.type, e.to.externalType, e.to.externalId, e.level]);
    expect(edges).toEqual([
      ["has_credential", "gitlab.access_token", "42", undefined],
      ["owned_by", "gitlab.project", PAYMENTS, undefined],
      ["has_permission", "gitlab.project", PAYMENTS, "read"],
    ]);
  });

  it("records a revoked token as revoked, with no permission left", () => {
    const records = toAccessRecords(tokenNamed(accessTokens, "release-bot"));
    expect(single(records, "credential")).toMatchObject({
      status: "revoked",
      expiresAt: "2027-01-31T00:00:00.000Z",
      lastUsedAt: "2025-02-13T10:34:57.178Z",
      attributes: { revoked: true, active: false, role: "maintainer" },
    });
    expect(single(records, "identity").status).toBe("inactive");
    expect(only(records, "edge").some((e) => e.type === "has_permission")).toBe(false);
  });

  it("records an inactive, unrevoked token as expired, with its last use converted to UTC", () => {
    const credential = single(toAccessRecords(tokenNamed(accessTokens, "old-mirror")), "credential");
    expect(credential).toMatchObject({
      status: "expired",
      expiresAt: "2025-06-30T00:00:00.000Z",
      lastUsedAt: "2025-06-29T21:59:00.000Z",
    });
    expect(credential.attributes.neverExpires).toBeUndefined();
  });

  it("names a group token and its bot in the group types, owner-level permission as admin", () => {
    const [token] = withContext(restJson("groups/7/access_tokens.json"), {
      level: "group",
      ownerId: ROOT_GROUP,
      ownerPath: "acme",
    });
    const records = transformWith(groupAccessTokensStream)(token);
    expect(single(records, "credential")).toMatchObject({ externalType: "gitlab.group_access_token", externalId: "60" });
    expect(single(records, "identity")).toMatchObject({ externalType: "gitlab.group_bot_user", externalId: "150" });
    expect(only(records, "edge").find((e) => e.type === "has_permission")).toMatchObject({
      to: { externalType: "gitlab.group", externalId: ROOT_GROUP },
      level: "admin",
    });
  });
});

describe("gitlab deploy token records", () => {
  it("records an active read-only token without expiry, stored in and reading its project", () => {
    const records = toDeployRecords(tokenNamed(deployTokens, "k8s-pull"));
    expect(single(records, "credential")).toMatchObject({
      externalType: "gitlab.deploy_token",
      externalId: "1",
      status: "active",
      attributes: { username: "gitlab+deploy-token-1", scopes: ["read_registry", "read_repository"], neverExpires: true },
    });
    expect(only(records, "edge").map((e) => [e.type, e.level])).toEqual([
      ["stored_in", undefined],
      ["has_permission", "read"],
    ]);
  });

  it("records expired and revoked tokens by GitLab's own flags, without permissions", () => {
    const expired = toDeployRecords(tokenNamed(deployTokens, "old-ci"));
    expect(single(expired, "credential")).toMatchObject({ status: "expired", expiresAt: "2024-02-14T00:00:00.000Z" });
    const revoked = toDeployRecords(tokenNamed(deployTokens, "leaked-push"));
    expect(single(revoked, "credential").status).toBe("revoked");
    for (const records of [expired, revoked]) expect(only(records, "edge").map((e) => e.type)).toEqual(["stored_in"]);
  });

  it("gives write scopes write permission on a group", () => {
    const [token] = withContext(restJson("groups/8/deploy_tokens.json"), { level: "group", ownerId: SUBGROUP });
    const records = transformWith(groupDeployTokensStream)(token);
    expect(single(records, "credential").externalType).toBe("gitlab.group_deploy_token");
    expect(only(records, "edge").find((e) => e.type === "has_permission")).toMatchObject({
      to: { externalType: "gitlab.group", externalId: SUBGROUP },
      level: "write",
    });
  });
});
