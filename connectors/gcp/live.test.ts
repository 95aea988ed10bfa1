import { generateKeyPairSync } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { driveConnector } from "../sdk/testing/drive-connector";
import { FAKE_ACCESS_TOKEN, googleError, startFakeGoogle, type FakeGoogle, type GoogleRoute } from "./__fixtures__/fake-google";
import { DEPLOYER, gcloudJson, LEDGER_EXPORT, LEGACY_BATCH, PROJECT_ID } from "./__fixtures__/gcloud-files";
import { gcpConnector } from "./index";

/*
 * The live path end to end through the official clients: google-auth-library signs the JWT
 * assertion with the configured key and trades it at the (overridden) token endpoint, the IAM
 * and Resource Manager clients page by pageToken, gaxios waits out a 429 RESOURCE_EXHAUSTED, and a
 * 403 PERMISSION_DENIED becomes a coverage gap of that (project, stream) only — every request
 * through the guarded client, against a local server.
 */

const ANALYTICS = "acme-analytics";
const KEYWARD_READER = "keyward-reader@acme-security.iam.gserviceaccount.com";
const EXPORTER = "bq-exporter@acme-analytics.iam.gserviceaccount.com";

function keyFile(email: string): { text: string; privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const text = JSON.stringify({
    type: "service_account",
    project_id: "acme-security",
    private_key_id: "1c3f5e7a9b2d4f6a8c0e1d3b5f7a9c2e4b6d8f0a",
    private_key: privateKey,
    client_email: email,
    client_id: "108273645501928374650",
    token_uri: "https://oauth2.googleapis.com/token",
  });
  return { text, privateKeyPem: privateKey, publicKeyPem: publicKey };
}

const key = keyFile(KEYWARD_READER);
const accounts = gcloudJson("service-accounts.json");
const keysOf: Record<string, unknown[]> = {
  [DEPLOYER]: gcloudJson("keys/payments-deployer.json"),
  [LEGACY_BATCH]: gcloudJson("keys/legacy-batch.json"),
};
const exporter = {
  name: `projects/${ANALYTICS}/serviceAccounts/${EXPORTER}`,
  projectId: ANALYTICS,
  uniqueId: "100937261548203918475",
  email: EXPORTER,
  displayName: "BigQuery exporter",
  etag: "MDEwMjE5MjA=",
  oauth2ClientId: "100937261548203918475",
};

let google: FakeGoogle;
beforeAll(async () => {
  google = await startFakeGoogle({ email: KEYWARD_READER, publicKeyPem: key.publicKeyPem });
});
afterAll(async () => {
  await google.close();
});
afterEach(() => {
  google.requests.length = 0;
});

const config = (overrides: Record<string, unknown> = {}) => ({
  projectIds: [PROJECT_ID, ANALYTICS],
  serviceAccountKey: key.text,
  tokenUri: `${google.origin}/token`,
  iamRootUrl: `${google.origin}/`,
  resourceManagerRootUrl: `${google.origin}/`,
  environments: { [PROJECT_ID]: "prod", [ANALYTICS]: "staging" },
  pageSize: 2,
  allowPrivateNetworks: true,
  allowInsecureHttp: true,
  ...overrides,
});

/** Serves `items` under `field` in pages of `pageSize`, linked by an opaque nextPageToken. */
function paged(field: string, items: readonly unknown[]): GoogleRoute {
  return (url) => {
    const size = Number(url.searchParams.get("pageSize") ?? 100);
    const start = Number(Buffer.from(url.searchParams.get("pageToken") ?? "", "base64url").toString() || 0);
    const next = start + size < items.length ? Buffer.from(String(start + size)).toString("base64url") : undefined;
    return { status: 200, body: { [field]: items.slice(start, start + size), ...(next ? { nextPageToken: next } : {}) } };
  };
}

function routeProjects(): void {
  // The first page of the payments project is throttled once, as Google does when a quota runs out.
  const accountPages = paged("accounts", accounts);
  google.route("GET", `/v1/projects/${PROJECT_ID}/serviceAccounts`, (url, attempt, body) =>
    attempt === 1
      ? googleError(429, "RESOURCE_EXHAUSTED", "Quota exceeded for quota metric 'Read requests'.", { "retry-after": "1" })
      : accountPages(url, attempt, body),
  );
  for (const account of accounts) {
    const email = String(account.email);
    google.route("GET", `/v1/projects/${PROJECT_ID}/serviceAccounts/${email}/keys`, () =>
      // ledger-export was deleted between the two listings.
      email === LEDGER_EXPORT
        ? googleError(404, "NOT_FOUND", `Service account ${email} does not exist.`)
        : { status: 200, body: keysOf[email] ? { keys: keysOf[email] } : {} },
    );
  }
  google.route("POST", `/v3/projects/${PROJECT_ID}:getIamPolicy`, () =>
    googleError(403, "PERMISSION_DENIED", `The caller does not have permission`),
  );

  google.route("GET", `/v1/projects/${ANALYTICS}/serviceAccounts`, paged("accounts", [exporter]));
  google.route("GET", `/v1/projects/${ANALYTICS}/serviceAccounts/${EXPORTER}/keys`, () => ({
    status: 200,
    body: { keys: [{ ...keysOf[DEPLOYER]![0] as object, name: `${exporter.name}/keys/0b5e8c1d2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c` }] },
  }));
  google.route("POST", `/v3/projects/${ANALYTICS}:getIamPolicy`, () => ({
    status: 200,
    body: {
      version: 3,
      etag: "BwYQ3Jj4aBc=",
      bindings: [
        { role: "roles/bigquery.dataEditor", members: [`serviceAccount:${EXPORTER}`] },
        { role: "roles/owner", members: ["user:priya.natarajan@acme.example"] },
      ],
    },
  }));
}

const apiCalls = () => google.requests.filter((r) => r.url.startsWith("/v1/") || r.url.startsWith("/v3/"));

describe("gcp live sync through google-auth-library and the googleapis clients", () => {
  it("pages, waits out throttling, and records the denied IAM policy as a gap of that project only", async () => {
    routeProjects();
    const { records, gaps } = await driveConnector(gcpConnector, config());

    expect(gaps).toEqual([
      expect.objectContaining({
        scope: PROJECT_ID,
        stream: "project-iam",
        reason: "permission_denied",
        detail: expect.stringContaining("PERMISSION_DENIED"),
      }),
    ]);

    // One token for the whole sync, from a JWT assertion the server verified against the key.
    const tokenPosts = google.requests.filter((r) => r.url === "/token");
    expect(tokenPosts).toHaveLength(1);
    expect(new URLSearchParams(tokenPosts[0]!.body).get("grant_type")).toBe("urn:ietf:params:oauth:grant-type:jwt-bearer");
    expect(apiCalls().every((r) => r.authorization === `Bearer ${FAKE_ACCESS_TOKEN}`)).toBe(true);

    // Service accounts: the throttled first page was asked again after Retry-After, then three pages of two.
    const pages = apiCalls().filter((r) => r.url.startsWith(`/v1/projects/${PROJECT_ID}/serviceAccounts?`));
    expect(pages).toHaveLength(4);
    expect(pages[1]!.url).toBe(pages[0]!.url);
    expect(pages[1]!.at - pages[0]!.at).toBeGreaterThanOrEqual(950);
    expect(pages.map((p) => new URL(p.url, google.origin).searchParams.get("pageToken"))).toEqual([null, null, "Mg", "NA"]);
    const identities = records.filter((r) => r.kind === "identity");
    expect(identities.map((i) => i.externalId).sort()).toEqual([...accounts.map((a) => String(a.email)), EXPORTER].sort());
    expect(identities.find((i) => i.externalId === DEPLOYER)).toMatchObject({
      environment: "prod",
      ownerHint: { email: "sofia.rossi@acme.example", provenance: "gcp.description:owner" },
    });

    // Keys: listed per account; the vanished account's 404 is an empty list, not a failure.
    const credentials = records.filter((r) => r.kind === "credential");
    expect(credentials.filter((c) => c.identityRef?.externalId === DEPLOYER)).toHaveLength(4);
    expect(credentials.filter((c) => c.identityRef?.externalId === LEGACY_BATCH)).toHaveLength(2);
    expect(credentials.find((c) => c.identityRef?.externalId === EXPORTER)).toMatchObject({ environment: "staging" });
    // The system-managed key's window ended long before this run: the listing saw it expired.
    expect(credentials.find((c) => c.attributes.keyType === "SYSTEM_MANAGED" && c.identityRef?.externalId === DEPLOYER)?.status).toBe(
      "expired",
    );

    // The other project's policy was readable: its project and grants are there, the denied one's are not.
    const projects = records.filter((r) => r.kind === "resource");
    expect(projects.map((p) => p.externalId)).toEqual([ANALYTICS]);
    expect(records.find((r) => r.kind === "edge" && r.type === "has_permission")).toMatchObject({
      from: { externalId: EXPORTER },
      to: { externalId: ANALYTICS },
      level: "write",
      attributes: { role: "roles/bigquery.dataEditor" },
    });
    const policyCall = apiCalls().find((r) => r.url.startsWith(`/v3/projects/${ANALYTICS}:getIamPolicy`));
    expect(JSON.parse(policyCall!.body)).toEqual({ options: { requestedPolicyVersion: 3 } });

    expect(JSON.stringify({ records, gaps })).not.toContain(key.privateKeyPem.split("\n")[1]);
  });

  it("uses a given access token as it is, without a token request", async () => {
    routeProjects();
    const { gaps, records } = await driveConnector(
      gcpConnector,
      config({ serviceAccountKey: undefined, accessToken: FAKE_ACCESS_TOKEN, projectIds: [ANALYTICS] }),
    );
    expect(gaps).toEqual([]);
    expect(records.some((r) => r.kind === "identity" && r.externalId === EXPORTER)).toBe(true);
    expect(google.requests.some((r) => r.url === "/token")).toBe(false);
  });

  it("fails every stream, without a listing, when the token endpoint refuses the key", async () => {
    routeProjects();
    const other = keyFile(KEYWARD_READER);
    const { gaps, records } = await driveConnector(gcpConnector, config({ serviceAccountKey: other.text, projectIds: [ANALYTICS] }));
    expect(records).toEqual([]);
    // The keys stream is not listed at all: its parents are unknown.
    expect(gaps.map((g) => [g.stream, g.reason])).toEqual([
      ["service-accounts", "error"],
      ["project-iam", "error"],
      ["service-account-keys", "error"],
    ]);
    expect(gaps[0]?.detail).toMatch(/HTTP 400 \(invalid_grant\)/);
    expect(gaps[2]?.detail).toMatch(/ParentIncomplete/);
    expect(apiCalls()).toEqual([]);
    expect(JSON.stringify(gaps)).not.toContain(other.privateKeyPem.split("\n")[1]);
  });

  it("answers Test connection with the principal when it works, and the reason when not", async () => {
    routeProjects();
    const ctx = (overrides: Record<string, unknown>) =>
      ({ config: gcpConnector.configSchema.parse(config(overrides)), signal: new AbortController().signal }) as Parameters<
        typeof gcpConnector.check
      >[0];
    await expect(gcpConnector.check(ctx({ projectIds: [ANALYTICS] }))).resolves.toEqual({
      ok: true,
      detail: `${KEYWARD_READER} can list the service accounts of ${ANALYTICS}`,
    });
    google.route("GET", `/v1/projects/${ANALYTICS}/serviceAccounts`, () => googleError(403, "PERMISSION_DENIED", "denied"));
    const refused = await gcpConnector.check(ctx({ projectIds: [ANALYTICS] }));
    expect(refused).toEqual({ ok: false, detail: expect.stringMatching(/HTTP 403 \(PERMISSION_DENIED\)/) });
  });

  it("refuses to reach a private address unless the source allows it", async () => {
    routeProjects();
    const { gaps } = await driveConnector(gcpConnector, config({ allowPrivateNetworks: false, projectIds: [ANALYTICS] }));
    expect(gaps.map((g) => g.detail)).toEqual([
      expect.stringMatching(/BlockedAddressError: refused to connect to 127\.0\.0\.1/),
      expect.stringMatching(/BlockedAddressError: refused to connect to 127\.0\.0\.1/),
      expect.stringMatching(/ParentIncomplete/),
    ]);
    expect(google.requests).toEqual([]);
  });
});
