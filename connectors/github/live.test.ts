import { generateKeyPairSync } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { driveConnector } from "../sdk/testing/drive-connector";
import { FAKE_INSTALLATION_TOKEN, githubError, paged, startFakeGitHub, type FakeGitHub } from "./__fixtures__/fake-github";
import { INFRA, ORG, PAYMENTS, restJson, restList } from "./__fixtures__/rest-files";
import { githubConnector } from "./index";

/*
 * The live path end to end through Octokit with the throttling and retry plugins: the App's JWT
 * is traded for an installation token, lists are paged by the `Link` header, a primary rate limit
 * (403, `x-ratelimit-remaining: 0`, `x-ratelimit-reset`) and a secondary one (429, `retry-after`)
 * are each waited out once, and a 403 "Resource not accessible by integration" becomes a coverage
 * gap of that stream only — every request through the guarded client, against a local server laid
 * out as GitHub Enterprise Server (`/api/v3`).
 */

const APP_ID = "1001";
const INSTALLATION_ID = 25381;
const { privateKey, publicKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

const keys = [
  ...restJson("repos/acme-corp/payments-api/keys.json"),
  ...restJson("repos/acme-corp/payments-api/keys-page-2.json"),
];
const grants = restJson("orgs/acme-corp/personal-access-tokens.json");

let github: FakeGitHub;
beforeAll(async () => {
  github = await startFakeGitHub({ appId: APP_ID, installationId: INSTALLATION_ID, publicKeyPem: publicKey });
});
afterAll(async () => {
  await github.close();
});
afterEach(() => {
  github.requests.length = 0;
});

const config = (overrides: Record<string, unknown> = {}) => ({
  organizations: [ORG],
  appId: APP_ID,
  appInstallationId: INSTALLATION_ID,
  appPrivateKey: privateKey,
  baseUrl: github.baseUrl,
  environments: { [ORG]: "prod", [INFRA]: "platform" },
  perPage: 2,
  allowPrivateNetworks: true,
  allowInsecureHttp: true,
  ...overrides,
});

function routeOrganization(): void {
  const base = github.baseUrl;
  github.route("GET", `/orgs/${ORG}`, () => ({ status: 200, body: restJson<object>("orgs/acme-corp/org.json") }));
  // The first repository page hits the primary rate limit, reset "now": the plugin waits
  // ceil((reset − now) / 1 s) + 1 s. Rounded up, so a few milliseconds between this answer and the
  // plugin reading it cannot make that 0 (rounded down, the reset could already be 999 ms past).
  const repoPages = paged(base, `/orgs/${ORG}/repos`, [
    ...restJson("orgs/acme-corp/repos.json"),
    { ...restJson("orgs/acme-corp/repos.json")[0], id: 3, name: "web", full_name: `${ORG}/web` },
  ]);
  github.route("GET", `/orgs/${ORG}/repos`, (url, attempt) =>
    attempt === 1
      ? githubError(403, "API rate limit exceeded for installation ID 25381.", {
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000)),
        })
      : repoPages(url, attempt),
  );
  github.route("GET", `/repos/${PAYMENTS}/keys`, paged(base, `/repos/${PAYMENTS}/keys`, keys));
  github.route(
    "GET",
    `/repos/${INFRA}/keys`,
    paged(base, `/repos/${INFRA}/keys`, restJson("repos/acme-corp/infra-live/deploy-keys.json")),
  );
  github.route("GET", `/repos/${ORG}/web/keys`, paged(base, `/repos/${ORG}/web/keys`, []));
  const secrets = restList("repos/acme-corp/payments-api/actions/secrets.json", "secrets");
  for (const repo of [PAYMENTS, INFRA, `${ORG}/web`]) {
    const list = repo === PAYMENTS ? secrets : [];
    github.route(
      "GET",
      `/repos/${repo}/actions/secrets`,
      paged(base, `/repos/${repo}/actions/secrets`, list, (page) => ({ total_count: list.length, secrets: page })),
    );
  }
  // The App was not granted organization secrets.
  github.route("GET", `/orgs/${ORG}/actions/secrets`, () => githubError(403, "Resource not accessible by integration"));
  // The installations listing trips a secondary rate limit once.
  const installations = restList("orgs/acme-corp/installations.json", "installations");
  const installationPages = paged(base, `/orgs/${ORG}/installations`, installations, (page) => ({
    total_count: installations.length,
    installations: page,
  }));
  github.route("GET", `/orgs/${ORG}/installations`, (url, attempt) =>
    attempt === 1
      ? githubError(429, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", {
          "retry-after": "1",
        })
      : installationPages(url, attempt),
  );
  github.route("GET", `/orgs/${ORG}/personal-access-tokens`, paged(base, `/orgs/${ORG}/personal-access-tokens`, grants));
  github.route(
    "GET",
    `/orgs/${ORG}/personal-access-token-requests`,
    paged(base, `/orgs/${ORG}/personal-access-token-requests`, restJson("orgs/acme-corp/personal-access-token-requests.json")),
  );
}

const calls = (prefix: string) => github.requests.filter((r) => r.url.startsWith(prefix));

describe("github live sync through Octokit", () => {
  it("pages by Link, waits out both rate limits once, and records the denied stream as a gap of that stream only", async () => {
    routeOrganization();
    const { records, gaps } = await driveConnector(githubConnector, config());

    expect(gaps).toEqual([
      expect.objectContaining({
        scope: ORG,
        stream: "organization-secrets",
        reason: "permission_denied",
        detail: expect.stringContaining("HTTP 403 (Resource not accessible by integration)"),
      }),
    ]);

    // One installation token from a verified JWT; every API call used it, with the API version.
    expect(calls("/app/installations/")).toHaveLength(1);
    const api = github.requests.filter((r) => !r.url.startsWith("/app/"));
    expect(api.filter((r) => r.authorization !== `token ${FAKE_INSTALLATION_TOKEN}` || r.apiVersion !== "2022-11-28")).toEqual(
      [],
    );

    // Repositories: the rate-limited first page asked again after ~1 s (once: the guarded client
    // does not retry on top of the plugin), then the second page from the Link header.
    const repoCalls = calls(`/orgs/${ORG}/repos`);
    expect(repoCalls.map((r) => new URL(r.url, "http://x").searchParams.get("page"))).toEqual([null, null, "2"]);
    expect(repoCalls[1]!.at - repoCalls[0]!.at).toBeGreaterThanOrEqual(900);
    const installationCalls = calls(`/orgs/${ORG}/installations`);
    expect(installationCalls).toHaveLength(2);
    expect(installationCalls[1]!.at - installationCalls[0]!.at).toBeGreaterThanOrEqual(900);

    const resources = records.filter((r) => r.kind === "resource");
    expect(resources.map((r) => r.externalId).sort()).toEqual([ORG, INFRA, PAYMENTS, `${ORG}/web`].sort());
    expect(resources.find((r) => r.externalId === INFRA)?.environment).toBe("platform");
    expect(resources.find((r) => r.externalId === PAYMENTS)?.environment).toBe("prod");

    // Deploy keys of payments-api came in two pages of two and one.
    expect(calls(`/repos/${PAYMENTS}/keys`)).toHaveLength(2);
    const credentials = records.filter((r) => r.kind === "credential");
    const byType = (type: string) =>
      credentials
        .filter((c) => c.externalType === type)
        .map((c) => c.externalId)
        .sort();
    expect(byType("github.deploy_key")).toEqual([`${INFRA}#4`, `${PAYMENTS}#1`, `${PAYMENTS}#2`, `${PAYMENTS}#3`]);
    expect(byType("github.actions_secret")).toEqual([`${PAYMENTS}:GH_TOKEN`, `${PAYMENTS}:STRIPE_API_KEY`]);
    expect(byType("github.org_actions_secret")).toEqual([]);
    expect(byType("github.pat")).toEqual([`${ORG}:98716`, `${ORG}:98717`, `${ORG}:98718`]);
    expect(calls(`/orgs/${ORG}/personal-access-tokens`)).toHaveLength(2);
    expect(byType("github.pat_request")).toEqual([`${ORG}:25390`]);

    const identities = records.filter((r) => r.kind === "identity");
    expect(identities.map((i) => [i.externalId, i.status])).toEqual([
      ["25381", "active"],
      ["25382", "inactive"],
    ]);
    expect(JSON.stringify({ records, gaps })).not.toContain(FAKE_INSTALLATION_TOKEN);
  });

  it("lists selected repositories of an organization secret when it may read them", async () => {
    routeOrganization();
    const secrets = restList("orgs/acme-corp/actions/secrets.json", "secrets");
    github.route(
      "GET",
      `/orgs/${ORG}/actions/secrets`,
      paged(github.baseUrl, `/orgs/${ORG}/actions/secrets`, secrets, (page) => ({ total_count: 3, secrets: page })),
    );
    const shared = [
      { id: 1, name: "payments-api", full_name: PAYMENTS },
      { id: 2, name: "infra-live", full_name: INFRA },
      { id: 3, name: "web", full_name: `${ORG}/web` },
    ];
    const path = `/orgs/${ORG}/actions/secrets/GH_PAT_RELEASE/repositories`;
    github.route(
      "GET",
      path,
      paged(github.baseUrl, path, shared, (page) => ({ total_count: shared.length, repositories: page })),
    );
    const { records, gaps } = await driveConnector(
      githubConnector,
      config({ token: FAKE_INSTALLATION_TOKEN, appId: undefined, appInstallationId: undefined, appPrivateKey: undefined }),
    );
    expect(gaps).toEqual([]);
    expect(github.requests.some((r) => r.url.startsWith("/app/"))).toBe(false);
    const selected = records.find((r) => r.kind === "credential" && r.externalId === `${ORG}:GH_PAT_RELEASE`);
    expect(selected?.kind === "credential" && selected.attributes.selectedRepositories).toEqual(
      [INFRA, PAYMENTS, `${ORG}/web`].sort(),
    );
    expect(calls(path)).toHaveLength(2);
  });

  it("refuses to follow a page link to another host, failing only that stream", async () => {
    routeOrganization();
    github.route("GET", `/orgs/${ORG}/personal-access-token-requests`, () => ({
      status: 200,
      body: restJson("orgs/acme-corp/personal-access-token-requests.json"),
      headers: { link: `<https://collector.example/orgs/${ORG}/personal-access-token-requests?page=2>; rel="next"` },
    }));
    const { gaps } = await driveConnector(githubConnector, config({ organizations: [ORG] }));
    expect(gaps.map((g) => [g.stream, g.reason])).toEqual([
      ["organization-secrets", "permission_denied"],
      ["personal-access-token-requests", "error"],
    ]);
    expect(gaps[1]?.detail).toMatch(/refused to follow a page link outside/);
  });

  it("gives up at once on a rate limit that resets too far ahead, as an error rather than a denial", async () => {
    routeOrganization();
    github.route("GET", `/orgs/${ORG}/personal-access-token-requests`, () =>
      githubError(403, "API rate limit exceeded for installation ID 25381.", {
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
      }),
    );
    const { gaps } = await driveConnector(githubConnector, config());
    const limited = gaps.find((g) => g.stream === "personal-access-token-requests");
    expect(limited).toMatchObject({ reason: "error", detail: expect.stringMatching(/rate_limited|rate limited/) });
    expect(calls(`/orgs/${ORG}/personal-access-token-requests`)).toHaveLength(1);
  });

  it("fails every stream without a listing when GitHub refuses the App's JWT", async () => {
    routeOrganization();
    const other = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs1", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    const { records, gaps } = await driveConnector(githubConnector, config({ appPrivateKey: other.privateKey }));
    expect(records).toEqual([]);
    expect(gaps.every((g) => g.reason === "permission_denied" || /ParentIncomplete/.test(g.detail))).toBe(true);
    expect(gaps[0]?.detail).toMatch(/HTTP 401 \(A JSON web token could not be decoded\)/);
    expect(github.requests.every((r) => r.url.startsWith("/app/"))).toBe(true);
    expect(JSON.stringify(gaps)).not.toContain(other.privateKey.split("\n")[1]);
  });

  it("answers Test connection with the principal when it works, and the reason when not", async () => {
    routeOrganization();
    const ctx = (overrides: Record<string, unknown>) =>
      ({
        config: githubConnector.configSchema.parse(config(overrides)),
        signal: new AbortController().signal,
        log: { debug() {}, info() {}, warn() {}, error() {} },
      }) as unknown as Parameters<typeof githubConnector.check>[0];
    await expect(githubConnector.check(ctx({}))).resolves.toEqual({
      ok: true,
      detail: `App ${APP_ID} (installation ${INSTALLATION_ID}) can read the organization ${ORG}`,
    });
    const refused = await githubConnector.check(
      ctx({ token: "wrong-token", appId: undefined, appInstallationId: undefined, appPrivateKey: undefined }),
    );
    expect(refused).toEqual({ ok: false, detail: expect.stringMatching(/HTTP 401 \(Bad credentials\)/) });
    expect(refused.detail).not.toContain("wrong-token");
  });

  it("refuses to reach a private address unless the source allows it, without retrying", async () => {
    routeOrganization();
    const started = Date.now();
    const { gaps } = await driveConnector(
      githubConnector,
      config({
        allowPrivateNetworks: false,
        token: FAKE_INSTALLATION_TOKEN,
        appId: undefined,
        appInstallationId: undefined,
        appPrivateKey: undefined,
      }),
    );
    expect(gaps.filter((g) => !/ParentIncomplete/.test(g.detail)).map((g) => g.detail)).toEqual(
      Array.from({ length: 6 }, () => expect.stringMatching(/BlockedAddressError: refused to connect to 127\.0\.0\.1/)),
    );
    expect(github.requests).toEqual([]);
    expect(Date.now() - started).toBeLessThan(900);
  });
});
