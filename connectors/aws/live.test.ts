import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { KeywardRecord } from "../sdk";
import { driveConnector } from "../sdk/testing/drive-connector";
import { startFakeAws, type AwsCall, type AwsReply, type FakeAws } from "./__fixtures__/fake-aws";
import { awsConnector } from "./index";

/*
 * The live path end to end through the official SDK clients (IAM and STS over awsQuery, Secrets
 * Manager and ACM over awsJson1_1), every request through the guarded client, against a local
 * stand-in: Marker and NextToken pagination, throttling waited out by the SDK's backoff, and
 * access denials recorded as coverage gaps of their (scope, stream) only.
 */

const ACCOUNT = "123456789012";
const ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
const SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

let fake: FakeAws;
beforeAll(async () => {
  fake = await startFakeAws();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.calls.length = 0;
  routeAccount();
});

const config = (overrides: Record<string, unknown> = {}) => ({
  accessKeyId: ACCESS_KEY_ID,
  secretAccessKey: SECRET_ACCESS_KEY,
  regions: ["us-east-1", "eu-west-1"],
  environments: { [ACCOUNT]: "prod" },
  endpoints: { iam: fake.endpoint, sts: fake.endpoint, secretsManager: fake.endpoint, acm: fake.endpoint },
  pageSize: 2,
  maxAttempts: 3,
  allowPrivateNetworks: true,
  allowInsecureHttp: true,
  ...overrides,
});

const denied = (code: string, status: number): AwsReply => ({ status, error: { code, message: `User: arn:aws:iam::${ACCOUNT}:user/keyward is not authorized` } });
const throttled = (code: string): AwsReply => ({ status: 400, error: { code, message: "Rate exceeded" } });
const epoch = (iso: string) => Date.parse(iso) / 1000;

const users = [
  { UserName: "alice.martin", UserId: "AIDA4EXAMPLEALICE001", Path: "/", Arn: `arn:aws:iam::${ACCOUNT}:user/alice.martin`, CreateDate: "2019-07-15T09:02:33Z", PasswordLastUsed: "2025-02-03T17:45:10Z" },
  { UserName: "svc-deployer", UserId: "AIDA4EXAMPLEDEPLOY01", Path: "/", Arn: `arn:aws:iam::${ACCOUNT}:user/svc-deployer`, CreateDate: "2021-01-04T16:40:12Z" },
  { UserName: "report-bot", UserId: "AIDA4EXAMPLEREPORT01", Path: "/bots/", Arn: `arn:aws:iam::${ACCOUNT}:user/bots/report-bot`, CreateDate: "2023-03-03T00:00:00Z" },
];
const keys: Record<string, { AccessKeyId: string; Status: string; CreateDate: string }[]> = {
  "alice.martin": [],
  "svc-deployer": [
    { AccessKeyId: "AKIA4EXAMPLEDEPLOY01", Status: "Active", CreateDate: "2021-01-04T16:41:00Z" },
    { AccessKeyId: "AKIA4EXAMPLEDEPLOY02", Status: "Active", CreateDate: "2024-09-30T08:00:00Z" },
    { AccessKeyId: "AKIA4EXAMPLEDEPLOY03", Status: "Inactive", CreateDate: "2020-01-01T00:00:00Z" },
  ],
  "report-bot": [{ AccessKeyId: "AKIA4EXAMPLEREPORT01", Status: "Active", CreateDate: "2023-03-03T00:01:00Z" }],
};
const secrets = ["db", "stripe", "smtp"].map((name, i) => ({
  ARN: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/${name}-Ab12C${i}`,
  Name: `prod/${name}`,
  RotationEnabled: i === 0,
  ...(i === 0 ? { RotationRules: { AutomaticallyAfterDays: 30 }, LastRotatedDate: epoch("2025-01-15T02:00:11Z") } : {}),
  CreatedDate: epoch("2022-03-01T12:00:00Z"),
  Tags: i === 1 ? [{ Key: "owner", Value: "dmitri.volkov@example.com" }] : [],
}));
const certificateArn = `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b`;

/** Serves `items` `MaxItems` at a time with IAM's Marker/IsTruncated. */
function markerPage<T>(call: AwsCall, items: readonly T[], listKey: string): AwsReply {
  const size = Number(call.params.MaxItems ?? 100);
  const start = Number(call.params.Marker ?? 0);
  const next = start + size < items.length ? String(start + size) : undefined;
  return { result: { [listKey]: items.slice(start, start + size), IsTruncated: next !== undefined, ...(next ? { Marker: next } : {}) } };
}

function routeAccount(): void {
  fake.route("GetCallerIdentity", () => ({ result: { Arn: `arn:aws:iam::${ACCOUNT}:user/keyward`, UserId: "AIDA4EXAMPLEKEYWARD1", Account: ACCOUNT } }));
  fake.route("ListAccountAliases", () => ({ result: { AccountAliases: ["example-prod"], IsTruncated: false } }));
  // The first page of users is throttled once; the SDK must back off and retry it.
  fake.route("ListUsers", (call) => (call.attempt === 1 && call.params.Marker === undefined ? throttled("Throttling") : markerPage(call, users, "Users")));
  fake.route("ListUserTags", (call) => ({
    result: { Tags: call.params.UserName === "svc-deployer" ? [{ Key: "Owner", Value: "priya.natarajan@example.com" }] : [], IsTruncated: false },
  }));
  fake.route("ListMFADevices", (call) => ({
    result: { MFADevices: call.params.UserName === "alice.martin" ? [{ UserName: "alice.martin", SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/alice`, EnableDate: "2019-08-01T00:00:00Z" }] : [], IsTruncated: false },
  }));
  fake.route("GetLoginProfile", (call) =>
    call.params.UserName === "alice.martin"
      ? { result: { LoginProfile: { UserName: "alice.martin", CreateDate: "2019-07-15T09:02:33Z", PasswordResetRequired: false } } }
      : { status: 404, error: { code: "NoSuchEntity", message: `Login Profile for User ${String(call.params.UserName)} cannot be found.` } },
  );
  fake.route("ListAttachedUserPolicies", (call) => ({
    result: {
      AttachedPolicies: call.params.UserName === "svc-deployer" ? [{ PolicyName: "deploy", PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/deploy` }] : [],
      IsTruncated: false,
    },
  }));
  fake.route("GetPolicy", () => ({ result: { Policy: { PolicyName: "deploy", Arn: `arn:aws:iam::${ACCOUNT}:policy/deploy`, DefaultVersionId: "v3" } } }));
  fake.route("GetPolicyVersion", () => ({
    result: {
      PolicyVersion: {
        VersionId: "v3",
        IsDefaultVersion: true,
        Document: encodeURIComponent(JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] })),
      },
    },
  }));
  fake.route("ListUserPolicies", () => ({ result: { PolicyNames: [], IsTruncated: false } }));
  // One key per page, so a user's keys take several pages.
  fake.route("ListAccessKeys", (call) => {
    const userName = String(call.params.UserName);
    const page = markerPage({ ...call, params: { ...call.params, MaxItems: "1" } }, keys[userName] ?? [], "AccessKeyMetadata");
    const result = (page as { result: { AccessKeyMetadata: object[] } }).result;
    return { result: { ...result, AccessKeyMetadata: result.AccessKeyMetadata.map((k) => ({ UserName: userName, ...k })) } };
  });
  fake.route("GetAccessKeyLastUsed", (call) => ({
    result:
      call.params.AccessKeyId === "AKIA4EXAMPLEDEPLOY01"
        ? { UserName: "svc-deployer", AccessKeyLastUsed: { LastUsedDate: "2025-02-04T03:10:00Z", ServiceName: "cloudformation", Region: "us-east-1" } }
        : { UserName: "x", AccessKeyLastUsed: { ServiceName: "N/A", Region: "N/A" } },
  }));
  fake.route("ListRoles", () => denied("AccessDenied", 403));
  fake.route("ListSecrets", (call) => {
    if (call.region === "eu-west-1") return call.attempt === 1 ? throttled("ThrottlingException") : { result: { SecretList: [] } };
    const start = Number(call.params.NextToken ?? 0);
    const size = Number(call.params.MaxResults ?? 100);
    const next = start + size < secrets.length ? String(start + size) : undefined;
    return { result: { SecretList: secrets.slice(start, start + size), ...(next ? { NextToken: next } : {}) } };
  });
  fake.route("ListCertificates", (call) =>
    call.region === "eu-west-1"
      ? denied("AccessDeniedException", 400)
      : { result: { CertificateSummaryList: [{ CertificateArn: certificateArn, DomainName: "www.example.com", Status: "ISSUED", Type: "AMAZON_ISSUED" }] } },
  );
  fake.route("DescribeCertificate", () => ({
    result: {
      Certificate: {
        CertificateArn: certificateArn,
        DomainName: "www.example.com",
        Status: "ISSUED",
        Type: "AMAZON_ISSUED",
        KeyAlgorithm: "RSA-2048",
        SignatureAlgorithm: "SHA256WITHRSA",
        InUseBy: [`arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/app/web/50dc6c495c0c9188`],
        NotAfter: epoch("2026-01-01T00:00:00Z"),
        IssuedAt: epoch("2025-01-01T00:00:00Z"),
      },
    },
  }));
}

const identitiesOf = (records: KeywardRecord[], type: string) => records.flatMap((r) => (r.kind === "identity" && r.externalType === type ? [r] : []));
const credentialsOf = (records: KeywardRecord[], type: string) => records.flatMap((r) => (r.kind === "credential" && r.externalType === type ? [r] : []));
const resourcesOf = (records: KeywardRecord[], type: string) => records.flatMap((r) => (r.kind === "resource" && r.externalType === type ? [r] : []));

describe("aws live sync through the AWS SDK", () => {
  it("pages, waits out throttling, and records denied streams as gaps while the others sync", async () => {
    const { records, gaps } = await driveConnector(awsConnector, config());

    expect(gaps.map((g) => [g.scope, g.stream, g.reason])).toEqual([
      [ACCOUNT, "roles", "permission_denied"],
      [`${ACCOUNT}/eu-west-1`, "certificates", "permission_denied"],
    ]);
    expect(gaps[0]?.detail).toContain("iam:ListRoles was denied (AccessDenied, HTTP 403)");
    expect(gaps.every((g) => !g.detail.includes("is not authorized"))).toBe(true);

    // Requests are the SDK's own: awsQuery form posts and awsJson targets, SigV4-signed with the key id.
    const iamCalls = fake.calls.filter((c) => c.service === "query");
    expect(iamCalls.every((c) => c.contentType.startsWith("application/x-www-form-urlencoded") && c.params.Version !== undefined)).toBe(true);
    expect(fake.calls.every((c) => c.authorization.startsWith("AWS4-HMAC-SHA256") && c.accessKeyId === ACCESS_KEY_ID)).toBe(true);
    expect(fake.calls.some((c) => c.rawBody.includes(SECRET_ACCESS_KEY) || c.authorization.includes(SECRET_ACCESS_KEY))).toBe(false);

    // Users: the throttled first page was retried after a backoff, then the Marker page followed.
    const userPages = fake.calls.filter((c) => c.operation === "ListUsers");
    expect(userPages.map((c) => [c.params.Marker ?? null, c.attempt])).toEqual([
      [null, 1],
      [null, 2],
      ["2", 1],
    ]);
    // The retry is the SDK's own (its retry strategy numbers attempts), not the HTTP layer's.
    expect(userPages.map((c) => c.sdkRequest.replace(/\s/g, ""))).toEqual(["attempt=1;max=3", "attempt=2;max=3", "attempt=1;max=3"]);
    const identities = identitiesOf(records, "aws.iam_user");
    expect(identities.map((u) => u.name)).toEqual(["alice.martin", "svc-deployer", "report-bot"]);
    expect(records.find((r) => r.kind === "identity" && r.name === "alice.martin")).toMatchObject({ isHuman: true, interactive: true, environment: "prod" });
    expect(records.find((r) => r.kind === "identity" && r.name === "svc-deployer")).toMatchObject({
      isHuman: false,
      interactive: false,
      ownerHint: { email: "priya.natarajan@example.com", provenance: "aws.tag:Owner" },
    });
    // The customer-managed policy's document was read once and graded admin.
    expect(records.find((r) => r.kind === "edge" && r.type === "has_permission")).toMatchObject({ level: "admin", attributes: { role: "deploy", wildcard: true } });
    expect(fake.calls.filter((c) => c.operation === "GetPolicyVersion")).toHaveLength(1);

    // Access keys: per user, over one-key pages, with last use.
    expect(fake.calls.filter((c) => c.operation === "ListAccessKeys" && c.params.UserName === "svc-deployer")).toHaveLength(3);
    const accessKeys = credentialsOf(records, "aws.access_key");
    expect(accessKeys.map((k) => [k.externalId, k.status])).toEqual([
      ["AKIA4EXAMPLEDEPLOY01", "active"],
      ["AKIA4EXAMPLEDEPLOY02", "active"],
      ["AKIA4EXAMPLEDEPLOY03", "inactive"],
      ["AKIA4EXAMPLEREPORT01", "active"],
    ]);
    expect(accessKeys[0]).toMatchObject({ lastUsedAt: "2025-02-04T03:10:00.000Z", attributes: { lastUsedService: "cloudformation" } });
    expect(accessKeys[3]).toMatchObject({ identityRef: { externalId: `arn:aws:iam::${ACCOUNT}:user/report-bot` }, attributes: { neverUsed: true } });

    // Secrets: two NextToken pages in us-east-1; eu-west-1 throttled once, then listed (empty, clean).
    const secretCalls = fake.calls.filter((c) => c.operation === "ListSecrets");
    expect(secretCalls.map((c) => [c.region, c.params.NextToken ?? null, c.attempt])).toEqual([
      ["us-east-1", null, 1],
      ["us-east-1", "2", 1],
      ["eu-west-1", null, 1],
      ["eu-west-1", null, 2],
    ]);
    const storedSecrets = credentialsOf(records, "aws.secretsmanager_secret");
    expect(storedSecrets).toHaveLength(3);
    expect(storedSecrets[0]).toMatchObject({ lastRotatedAt: "2025-01-15T02:00:11.000Z", attributes: { rotationEnabled: true, region: "us-east-1" } });

    // The account and the us-east-1 certificate, with where it is deployed.
    expect(resourcesOf(records, "aws.account")).toEqual([expect.objectContaining({ name: "example-prod (123456789012)", environment: "prod" })]);
    expect(credentialsOf(records, "aws.acm_certificate")).toEqual([
      expect.objectContaining({ expiresAt: "2026-01-01T00:00:00.000Z", keySize: 2048, attributes: expect.objectContaining({ inUse: true }) }),
    ]);
  });

  it("reads another account through sts:AssumeRole, signing its calls with the role's credentials", async () => {
    const other = "210987654321";
    fake.route("AssumeRole", (call) => {
      expect(call.params).toMatchObject({ RoleArn: `arn:aws:iam::${other}:role/keyward-read`, ExternalId: "keyward-7f3a" });
      return {
        result: {
          Credentials: { AccessKeyId: "ASIA4EXAMPLEASSUMED1", SecretAccessKey: "assumed-secret-not-real", SessionToken: "assumed-session-token", Expiration: "2099-01-01T00:00:00Z" },
          AssumedRoleUser: { AssumedRoleId: "AROA4EXAMPLE:keyward-inventory", Arn: `arn:aws:sts::${other}:assumed-role/keyward-read/keyward-inventory` },
        },
      };
    });
    fake.route("ListUsers", () => ({ result: { Users: [], IsTruncated: false } }));
    const { gaps } = await driveConnector(
      awsConnector,
      config({ regions: ["us-east-1"], accounts: [{ accountId: other, roleArn: `arn:aws:iam::${other}:role/keyward-read`, externalId: "keyward-7f3a" }] }),
    );
    expect(gaps.map((g) => [g.scope, g.stream])).toEqual([[other, "roles"]]);
    expect(fake.calls.filter((c) => c.operation === "AssumeRole")).toHaveLength(1);
    const inAccount = fake.calls.filter((c) => c.operation !== "AssumeRole");
    expect(inAccount.length).toBeGreaterThan(0);
    expect(inAccount.every((c) => c.accessKeyId === "ASIA4EXAMPLEASSUMED1")).toBe(true);
  });

  it("answers Test connection with the account, and the reason when AWS refuses", async () => {
    const ctx = (overrides: Record<string, unknown> = {}) =>
      ({ config: awsConnector.configSchema.parse(config(overrides)), signal: new AbortController().signal }) as Parameters<typeof awsConnector.check>[0];
    await expect(awsConnector.check(ctx())).resolves.toEqual({ ok: true, detail: `signed in from account ${ACCOUNT}; IAM readable in ${ACCOUNT}` });
    fake.route("ListUsers", () => denied("AccessDenied", 403));
    const refused = await awsConnector.check(ctx());
    expect(refused).toEqual({ ok: false, detail: "AWS refused the check: iam:ListUsers was denied (AccessDenied, HTTP 403)" });
  });
});
