import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CredentialRecord, IdentityRecord, KeywardRecord, ResourceRecord } from "../sdk";
import { driveConnector } from "../sdk/testing/drive-connector";
import { envelope, startFakeVault, vaultError, type FakeVault } from "./__fixtures__/fake-vault";
import { APPROLE_TOKEN_ACCESSOR, LDAP_TOKEN_ACCESSOR, ROOT_TOKEN_ACCESSOR, vaultData } from "./__fixtures__/vault-files";
import { vaultConnector } from "./index";

/*
 * The live path end to end through the guarded HTTP client against a local Vault: an AppRole
 * login, listings as `GET ?list=true` paged into lookups, a 429 with Retry-After waited out, a
 * 403 "permission denied" on the token accessors recorded as a gap of that stream and namespace
 * only, objects gone between list and lookup left out, and never a request for a KV value.
 */

const ROLE_ID = "9a8b7c6d-role-id-keyward-reader";
const SECRET_ID = "secret-id-of-keyward-reader-CANARY-2f4e6a8c";
const CLIENT_TOKEN = "hvs.keyward-reader-client-token-CANARY-91b3d5f7";
const TEAM_A = "team-a";

const rolePath = "auth/approle/role";
const roleData = (name: string) => vaultData(`${rolePath}/${name}.json`)[0];
const secretIdLookups = vaultData(`${rolePath}/web-payments/secret-id/lookups.json`);
const tokenLookups = vaultData("auth/token/lookups.json");

let vault: FakeVault;
beforeAll(async () => {
  vault = await startFakeVault({
    tokens: [CLIENT_TOKEN],
    approle: { roleId: ROLE_ID, secretId: SECRET_ID, clientToken: CLIENT_TOKEN },
  });
});
afterAll(async () => {
  await vault.close();
});
afterEach(() => {
  vault.requests.length = 0;
});

const config = (overrides: Record<string, unknown> = {}) => ({
  address: vault.origin,
  roleId: ROLE_ID,
  secretId: SECRET_ID,
  namespaces: ["", TEAM_A],
  environments: { "team-a/": "staging", "secret/": "prod" },
  pageSize: 2,
  allowPrivateNetworks: true,
  allowInsecureHttp: true,
  ...overrides,
});

function routeRootNamespace(): void {
  vault.route("GET", "sys/auth", () => envelope(vaultData("sys/auth.json")[0]));
  vault.route("GET", "sys/mounts", () => envelope(vaultData("sys/mounts.json")[0]));
  // The role listing is throttled once, as a Vault rate limit quota does.
  vault.route("LIST", rolePath, ({ attempt }) =>
    attempt === 1
      ? vaultError(429, 'request path "auth/approle/role": rate limit quota exceeded', { "retry-after": "1" })
      : envelope({ keys: ["web-payments", "ci-deployer", "batch-runner"] }),
  );
  vault.route("GET", `${rolePath}/web-payments`, () => envelope(roleData("web-payments")));
  vault.route("GET", `${rolePath}/ci-deployer`, () => envelope(roleData("ci-deployer")));
  vault.route("GET", `${rolePath}/batch-runner`, () =>
    envelope({ ...roleData("ci-deployer"), secret_id_ttl: 0, token_policies: ["batch"] }),
  );
  vault.route("LIST", `${rolePath}/web-payments/secret-id`, () =>
    envelope({ keys: secretIdLookups.map((s) => s.secret_id_accessor) }),
  );
  vault.route("POST", `${rolePath}/web-payments/secret-id-accessor/lookup`, ({ body }) => {
    const { secret_id_accessor } = JSON.parse(body) as { secret_id_accessor: string };
    return envelope(secretIdLookups.find((s) => s.secret_id_accessor === secret_id_accessor));
  });
  // Listing token accessors needs sudo, which this token lacks in the root namespace.
  vault.route("LIST", "auth/token/accessors", () => vaultError(403, "permission denied"));
  vault.route("LIST", "secret/metadata", () => envelope({ keys: ["legacy", "payments/"] }));
  vault.route("LIST", "secret/metadata/payments", () => envelope({ keys: ["db", "stripe-api-key"] }));
  for (const path of ["payments/db", "payments/stripe-api-key"]) {
    vault.route("GET", `secret/metadata/${path}`, () => envelope(vaultData(`secret/metadata/${path}.json`)[0]));
  }
  // "legacy" was deleted after the folder was listed: its metadata read answers 404.
}

function routeTeamA(): void {
  const authTable = vaultData("sys/auth.json")[0]!;
  vault.route("GET", "sys/auth", () => envelope(authTable), TEAM_A);
  vault.route(
    "GET",
    "sys/mounts",
    () => envelope({ "sys/": { type: "system", accessor: "system_77aa", options: null } }),
    TEAM_A,
  );
  // No roles in this namespace's AppRole mount: Vault answers a LIST of nothing with 404.
  const accessors = [ROOT_TOKEN_ACCESSOR, APPROLE_TOKEN_ACCESSOR, LDAP_TOKEN_ACCESSOR];
  vault.route("LIST", "auth/token/accessors", () => envelope({ keys: accessors }), TEAM_A);
  vault.route(
    "POST",
    "auth/token/lookup-accessor",
    ({ body }) => {
      const { accessor } = JSON.parse(body) as { accessor: string };
      // The LDAP token was revoked between the listing and its lookup.
      if (accessor === LDAP_TOKEN_ACCESSOR) return vaultError(400, "invalid accessor");
      return envelope(tokenLookups.find((t) => t.accessor === accessor));
    },
    TEAM_A,
  );
}

const identitiesIn = (records: KeywardRecord[]) => records.filter((r): r is IdentityRecord => r.kind === "identity");
const credentialsIn = (records: KeywardRecord[], type: CredentialRecord["type"]) =>
  records.filter((r): r is CredentialRecord => r.kind === "credential" && r.type === type);
const resourcesIn = (records: KeywardRecord[]) => records.filter((r): r is ResourceRecord => r.kind === "resource");

const apiCalls = () => vault.requests.filter((r) => r.url !== "/v1/auth/approle/login");

describe("vault live sync through the guarded HTTP client", () => {
  it("logs in, pages lookups, waits out throttling, and records the denied accessors as a gap of that namespace only", async () => {
    routeRootNamespace();
    routeTeamA();
    const { records, gaps } = await driveConnector(vaultConnector, config());

    expect(gaps).toEqual([
      expect.objectContaining({
        scope: "root",
        stream: "tokens",
        reason: "permission_denied",
        detail: expect.stringContaining("permission denied"),
      }),
    ]);

    // One AppRole login for the whole sync; every call carries its token and the X-Vault-Request header.
    const logins = vault.requests.filter((r) => r.url === "/v1/auth/approle/login");
    expect(logins).toHaveLength(1);
    expect(JSON.parse(logins[0]!.body)).toEqual({ role_id: ROLE_ID, secret_id: SECRET_ID });
    expect(apiCalls().every((r) => r.token === CLIENT_TOKEN && r.vaultRequestHeader === "true")).toBe(true);

    // Listings are GET ?list=true; the throttled one was asked again after Retry-After, and asked once more for nothing.
    const roleListings = apiCalls().filter(
      (r) => r.method === "LIST" && r.namespace === "" && r.url.startsWith(`/v1/${rolePath}?`),
    );
    expect(roleListings.every((r) => r.verb === "GET" && r.url.endsWith("?list=true"))).toBe(true);
    expect(roleListings).toHaveLength(2);
    expect(roleListings[1]!.at - roleListings[0]!.at).toBeGreaterThanOrEqual(950);

    // AppRoles: three roles read over two pages of two.
    const approles = identitiesIn(records);
    expect(approles.map((r) => r.externalId).sort()).toEqual(
      ["batch-runner", "ci-deployer", "web-payments"].map((n) => `${rolePath}/${n}`),
    );
    expect(approles.find((r) => r.externalId.endsWith("batch-runner"))?.attributes).toMatchObject({ secretIdNeverExpires: true });

    // Secret ids, looked up by accessor with the accessor in the body, never in the URL.
    const secretIds = credentialsIn(records, "client_secret");
    expect(secretIds).toHaveLength(2);
    const lookups = apiCalls().filter((r) => r.url.endsWith("/secret-id-accessor/lookup"));
    expect(lookups.map((r) => JSON.parse(r.body).secret_id_accessor).sort()).toEqual(
      secretIdLookups.map((s) => s.secret_id_accessor).sort(),
    );

    // KV: the tree walked folder by folder, metadata only; the deleted secret left out; the mount's environment applied.
    const kv = credentialsIn(records, "stored_secret");
    expect(kv.map((r) => r.externalId).sort()).toEqual(["secret/payments/db", "secret/payments/stripe-api-key"]);
    expect(kv.find((r) => r.externalId.endsWith("stripe-api-key"))?.environment).toBe("prod");
    expect(apiCalls().some((r) => r.url.includes("/data/") || r.url.startsWith("/v1/legacy-kv"))).toBe(false);

    // Tokens of team-a: namespace header, two pages of lookups, the revoked one left out.
    const tokens = credentialsIn(records, "token");
    expect(tokens.map((r) => r.externalId).sort()).toEqual(
      [ROOT_TOKEN_ACCESSOR, APPROLE_TOKEN_ACCESSOR].map((a) => `team-a/auth/token/accessors/${a}`).sort(),
    );
    expect(tokens.every((t) => t.environment === "staging")).toBe(true);
    expect(tokens.find((t) => t.externalId.endsWith(ROOT_TOKEN_ACCESSOR))).toMatchObject({
      status: "active",
      attributes: { root: true },
    });
    const tokenLookupCalls = apiCalls().filter((r) => r.url === "/v1/auth/token/lookup-accessor");
    expect(tokenLookupCalls).toHaveLength(3);
    expect(tokenLookupCalls.every((r) => r.namespace === TEAM_A && r.verb === "POST")).toBe(true);

    // Mounts of both namespaces are resources.
    const mounts = resourcesIn(records).map((r) => r.externalId);
    expect(mounts).toEqual(
      expect.arrayContaining(["auth/approle/", "secret/", "legacy-kv/", "team-a/auth/approle/", "team-a/sys/"]),
    );

    expect(JSON.stringify({ records, gaps })).not.toMatch(/CANARY/);
  });

  it("uses a configured token as it is, without a login", async () => {
    routeRootNamespace();
    vault.route("LIST", "auth/token/accessors", () => envelope({ keys: [ROOT_TOKEN_ACCESSOR] }));
    vault.route("POST", "auth/token/lookup-accessor", () => envelope(tokenLookups[0]));
    const { gaps, records } = await driveConnector(
      vaultConnector,
      config({ roleId: undefined, secretId: undefined, token: CLIENT_TOKEN, namespaces: [""] }),
    );
    expect(gaps).toEqual([]);
    expect(credentialsIn(records, "token").map((r) => r.externalId)).toEqual([`auth/token/accessors/${ROOT_TOKEN_ACCESSOR}`]);
    expect(vault.requests.some((r) => r.url === "/v1/auth/approle/login")).toBe(false);
    expect(vault.requests.every((r) => r.namespace === "")).toBe(true);
  });

  it("fails every stream, without a listing, when the AppRole login is refused", async () => {
    routeRootNamespace();
    const { gaps, records } = await driveConnector(vaultConnector, config({ secretId: "wrong-secret-id", namespaces: [""] }));
    expect(records).toEqual([]);
    // In traversal order (parents first); the children fail for want of their parents.
    expect(gaps.map((g) => [g.stream, g.reason])).toEqual([
      ["mounts", "error"],
      ["tokens", "error"],
      ["approle-roles", "error"],
      ["kv-secrets", "error"],
      ["approle-secret-ids", "error"],
    ]);
    expect(gaps[0]?.detail).toMatch(/HTTP 400 \(invalid role or secret ID\)/);
    expect(gaps[1]?.detail).toMatch(/HTTP 400 \(invalid role or secret ID\)/);
    expect(gaps.slice(2).every((g) => g.detail.includes("ParentIncomplete"))).toBe(true);
    expect(apiCalls()).toEqual([]);
    expect(JSON.stringify(gaps)).not.toContain("wrong-secret-id");
  });

  it("answers Test connection with what it could read, and the reason when not", async () => {
    routeRootNamespace();
    const ctx = (overrides: Record<string, unknown>) =>
      ({ config: vaultConnector.configSchema.parse(config(overrides)), signal: new AbortController().signal }) as Parameters<
        typeof vaultConnector.check
      >[0];
    await expect(vaultConnector.check(ctx({ namespaces: [""] }))).resolves.toEqual({
      ok: true,
      detail: "can read the 2 auth mounts of the root namespace",
    });
    vault.route("GET", "sys/auth", () => vaultError(403, "permission denied"));
    await expect(vaultConnector.check(ctx({ namespaces: [""] }))).resolves.toEqual({
      ok: false,
      detail: expect.stringMatching(/HTTP 403 \(permission denied\)/),
    });
  });

  it("refuses to reach a private address unless the source allows it", async () => {
    routeRootNamespace();
    const { gaps } = await driveConnector(vaultConnector, config({ allowPrivateNetworks: false, namespaces: [""] }));
    expect(gaps[0]?.detail).toMatch(/BlockedAddressError: refused to connect to 127\.0\.0\.1/);
    expect(vault.requests).toEqual([]);
  });
});
