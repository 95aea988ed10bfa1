import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { driveConnector } from "../sdk/testing/drive-connector";
import { FAKE_TOKEN, gitlabError, paged, startFakeGitlab, type FakeGitlab } from "./__fixtures__/fake-gitlab";
import { INFRA, PAYMENTS, restJson, VARIABLE_CANARIES } from "./__fixtures__/rest-files";
import { gitlabConnector } from "./index";

/*
 * The live path end to end through gitbeaker (its resources, its offset pagination) with the
 * connector's requester: lists paged by `x-next-page`, a 429 with `Retry-After: 1` waited out once
 * (gitbeaker's own retry loop is replaced, the guarded client does not retry), a 403 on one stream
 * recorded as a coverage gap of that stream only — every request through the guarded client,
 * against a local server.
 */

const GROUP = "acme";
const projectVariables = [...restJson("projects/42/variables.json"), ...restJson("projects/42/variables-page-2.json")];

let gitlab: FakeGitlab;
beforeAll(async () => {
  gitlab = await startFakeGitlab();
});
afterAll(async () => {
  await gitlab.close();
});
afterEach(() => {
  gitlab.requests.length = 0;
});

const config = (overrides: Record<string, unknown> = {}) => ({
  groups: [GROUP],
  token: FAKE_TOKEN,
  host: gitlab.host,
  environments: { acme: "prod", "acme/platform": "platform" },
  perPage: 2,
  allowPrivateNetworks: true,
  allowInsecureHttp: true,
  ...overrides,
});

function routeGroup(): void {
  const route = (path: string, items: readonly unknown[]) => gitlab.route("GET", path, paged(gitlab.host, path, items));
  gitlab.route("GET", `/groups/${GROUP}`, () => ({ status: 200, body: restJson<object>("groups/7/group.json") }));
  route(`/groups/${GROUP}/descendant_groups`, restJson("groups/7/descendant_groups.json"));
  // Three projects in pages of two; the first page is throttled once.
  const projects = [
    ...restJson("groups/7/projects.json"),
    { ...restJson("groups/7/projects.json")[0], id: 44, name: "web", path_with_namespace: "acme/web" },
  ];
  const projectPages = paged(gitlab.host, `/groups/${GROUP}/projects`, projects);
  gitlab.route("GET", `/groups/${GROUP}/projects`, (url, attempt) =>
    attempt === 1
      ? gitlabError(429, "Retry later", { "retry-after": "1", "ratelimit-remaining": "0" })
      : projectPages(url, attempt),
  );
  route(`/groups/7/variables`, restJson("groups/7/variables.json"));
  route(`/groups/8/variables`, []);
  route(`/projects/${PAYMENTS}/variables`, projectVariables);
  for (const id of [INFRA, "44"]) route(`/projects/${id}/variables`, []);
  route(`/groups/7/access_tokens`, restJson("groups/7/access_tokens.json"));
  route(`/groups/8/access_tokens`, []);
  route(`/projects/${PAYMENTS}/access_tokens`, restJson("projects/42/access_tokens.json"));
  for (const id of [INFRA, "44"]) route(`/projects/${id}/access_tokens`, []);
  // Deploy tokens of groups need Owner, which this token does not have.
  for (const id of ["7", "8"]) gitlab.route("GET", `/groups/${id}/deploy_tokens`, () => gitlabError(403, "403 Forbidden"));
  route(`/projects/${PAYMENTS}/deploy_tokens`, restJson("projects/42/deploy_tokens.json"));
  for (const id of [INFRA, "44"]) route(`/projects/${id}/deploy_tokens`, []);
}

const calls = (prefix: string) => gitlab.requests.filter((r) => r.url.startsWith(prefix));
const pageOf = (url: string) => new URL(url, "http://x").searchParams.get("page");

describe("gitlab live sync through gitbeaker", () => {
  it("pages by x-next-page, waits out a 429 once, and records the denied stream as a gap of that stream only", async () => {
    routeGroup();
    const { records, gaps } = await driveConnector(gitlabConnector, config());

    expect(gaps.map((g) => [g.scope, g.stream, g.reason])).toEqual([
      [GROUP, "group-deploy-tokens", "permission_denied"],
      [GROUP, "group-deploy-tokens", "permission_denied"],
    ]);
    expect(gaps[0]?.detail).toContain("HTTP 403 (403 Forbidden)");

    // Every request carried the token in PRIVATE-TOKEN, and only there.
    expect(gitlab.requests.filter((r) => r.privateToken !== FAKE_TOKEN || r.authorization !== undefined)).toEqual([]);

    // Projects: the throttled first page asked again after ~1 s (once: no second retry layer),
    // then page 2 from x-next-page.
    const projectCalls = calls(`/groups/${GROUP}/projects`);
    expect(projectCalls.map((r) => pageOf(r.url))).toEqual(["1", "1", "2"]);
    expect(projectCalls[1]!.at - projectCalls[0]!.at).toBeGreaterThanOrEqual(900);
    expect(new URL(projectCalls[0]!.url, "http://x").searchParams.get("include_subgroups")).toBe("true");
    expect(new URL(projectCalls[0]!.url, "http://x").searchParams.get("per_page")).toBe("2");

    const resources = records.filter((r) => r.kind === "resource");
    expect(resources.map((r) => [r.externalType, r.externalId, r.environment])).toEqual([
      ["gitlab.group", "7", "prod"],
      ["gitlab.group", "8", "platform"],
      ["gitlab.project", PAYMENTS, "prod"],
      ["gitlab.project", INFRA, "platform"],
      ["gitlab.project", "44", "prod"],
    ]);

    // Project 42's four variables came in two pages of two.
    expect(calls(`/projects/${PAYMENTS}/variables`).map((r) => pageOf(r.url))).toEqual(["1", "2"]);
    const credentials = records.filter((r) => r.kind === "credential");
    const idsOf = (type: string) =>
      credentials
        .filter((c) => c.externalType === type)
        .map((c) => c.externalId)
        .sort();
    expect(idsOf("gitlab.ci_variable")).toEqual([
      "42:DATABASE_URL:production",
      "42:GCP_SERVICE_ACCOUNT_JSON:*",
      "42:SHARED_REGISTRY_TOKEN:*",
      "42:STRIPE_SECRET:review/*",
    ]);
    expect(idsOf("gitlab.group_ci_variable")).toEqual(["7:LOG_LEVEL:staging", "7:REGISTRY_TOKEN:*"]);
    expect(idsOf("gitlab.access_token")).toEqual(["42", "43", "44"]);
    expect(idsOf("gitlab.group_access_token")).toEqual(["60"]);
    expect(idsOf("gitlab.deploy_token")).toEqual(["1", "2", "3"]);
    expect(idsOf("gitlab.group_deploy_token")).toEqual([]);

    // The same value in a group and a project variable has the same fingerprint.
    const fingerprintOf = (id: string) => credentials.find((c) => c.externalId === id)?.fingerprint;
    expect(fingerprintOf("42:SHARED_REGISTRY_TOKEN:*")).toBeDefined();
    expect(fingerprintOf("42:SHARED_REGISTRY_TOKEN:*")).toBe(fingerprintOf("7:REGISTRY_TOKEN:*"));

    const text = JSON.stringify({ records, gaps });
    for (const canary of VARIABLE_CANARIES) expect(text).not.toContain(canary);
    expect(text).not.toContain(FAKE_TOKEN);
  });

  it("sends an OAuth token as a Bearer header", async () => {
    routeGroup();
    const { gaps } = await driveConnector(gitlabConnector, config({ tokenType: "oauth", includeSubgroups: false }));
    expect(gaps.map((g) => g.stream)).toEqual(["group-deploy-tokens"]);
    expect(gitlab.requests.every((r) => r.authorization === `Bearer ${FAKE_TOKEN}` && r.privateToken === undefined)).toBe(true);
    expect(calls(`/groups/${GROUP}/descendant_groups`)).toEqual([]);
    expect(new URL(calls(`/groups/${GROUP}/projects`)[0]!.url, "http://x").searchParams.get("include_subgroups")).toBe("false");
  });

  it("gives up on a rate limit that resets too far ahead, as an error rather than a denial, without retrying", async () => {
    routeGroup();
    gitlab.route("GET", `/projects/${PAYMENTS}/access_tokens`, () =>
      gitlabError(429, "Retry later", { "ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600) }),
    );
    const { gaps } = await driveConnector(gitlabConnector, config());
    const limited = gaps.find((g) => g.stream === "project-access-tokens");
    expect(limited).toMatchObject({ reason: "error", detail: expect.stringMatching(/rate limited/) });
    expect(calls(`/projects/${PAYMENTS}/access_tokens`)).toHaveLength(1);
  });

  it("answers Test connection with the group when it works, and the reason when not", async () => {
    routeGroup();
    const ctx = (overrides: Record<string, unknown>) =>
      ({
        config: gitlabConnector.configSchema.parse(config(overrides)),
        signal: new AbortController().signal,
        log: { debug() {}, info() {}, warn() {}, error() {} },
      }) as unknown as Parameters<typeof gitlabConnector.check>[0];
    await expect(gitlabConnector.check(ctx({}))).resolves.toEqual({ ok: true, detail: "the token can read the group acme" });
    const refused = await gitlabConnector.check(ctx({ token: "wrong-token" }));
    expect(refused).toEqual({ ok: false, detail: expect.stringMatching(/HTTP 401 \(401 Unauthorized\)/) });
    expect(refused.detail).not.toContain("wrong-token");
  });

  it("refuses to reach a private address unless the source allows it, without retrying", async () => {
    routeGroup();
    const started = Date.now();
    const { records, gaps } = await driveConnector(gitlabConnector, config({ allowPrivateNetworks: false }));
    expect(records).toEqual([]);
    expect(gaps.filter((g) => !/ParentIncomplete/.test(g.detail)).map((g) => g.detail)).toEqual([
      expect.stringMatching(/BlockedAddressError: refused to connect to 127\.0\.0\.1/),
      expect.stringMatching(/BlockedAddressError: refused to connect to 127\.0\.0\.1/),
    ]);
    expect(gitlab.requests).toEqual([]);
    expect(Date.now() - started).toBeLessThan(900);
  });
});
