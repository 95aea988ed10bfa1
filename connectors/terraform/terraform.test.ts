import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  createFingerprinter,
  detectFormat,
  expectHarnessPasses,
  FormatError,
  HARNESS_SCOPE,
  inspectFile,
  type KeywardRecordInput,
} from "../sdk";
import { readPemBlocks } from "../sdk";
import { terraformConnector } from ".";

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8");
const fingerprint = createFingerprinter(Buffer.alloc(32, 7));
const ctx = { scope: HARNESS_SCOPE, parent: undefined, fingerprint };

/** Every secret value planted in credentials.tfstate. */
const TERRAFORM_CANARIES = [
  "wJalrXUtnFEMI/K7MDENG/bPxRfiCYTFCANARY01",
  "BHtfCanarySmtpPasswordV4xx0123456789abcdefgh",
  "tf-canary-login-Pa55w0rd!",
  "tf-canary-random-blue-9f8e7d",
  "tf-canary-random-green-1a2b3c",
  "tf-canary-gcp-key-file-private-part",
  "tfC8Q~canaryAppSecret.Value_0123456789ab",
  "tfC8Q~canarySpSecret.Value_9876543210zz",
  "sk-shared-canary-4f9d2c7a1b3e8f60",
  "tf-canary-actions-secret-value-42",
  "tf-canary-cloudflare-token-abcdef0123456789",
  "tf-canary-rds-master-password",
  "tf-canary-k8s-data-token-0011223344",
  "tf-canary-sensitive-output-5566",
];

function load(name: string, path = name): KeywardRecordInput[] {
  const file = inspectFile(path, fixture(name));
  const detected = detectFormat(file, terraformConnector.formats);
  if (!detected) throw new Error("not recognised");
  return detected.format
    .parse(file)
    .flatMap((batch) => batch.items.flatMap((item) => terraformConnector.streams[0]!.transform(item, ctx)));
}

const credentials = (records: KeywardRecordInput[]) => records.filter((r) => r.kind === "credential");
const credentialNamed = (records: KeywardRecordInput[], name: string) => {
  const found = credentials(records).find((r) => r.name === name);
  if (!found) throw new Error(`no credential ${name}`);
  return found;
};
const edges = (records: KeywardRecordInput[]) => records.filter((r) => r.kind === "edge");

describe("terraform connector", () => {
  it("passes the connector harness", async () => {
    const state = JSON.parse(fixture("credentials.tfstate")) as unknown;
    await expectHarnessPasses(terraformConnector, {
      fixtures: [{ stream: "states", items: [{ path: "infra/prod.tfstate", state }] }],
      files: [
        { path: "infra/prod.tfstate", content: fixture("credentials.tfstate") },
        { path: "infra/logs.tfstate", content: fixture("no-credentials.tfstate") },
      ],
      canaries: TERRAFORM_CANARIES,
    });
  });

  it("never lets a planted secret reach a record", () => {
    const json = JSON.stringify(load("credentials.tfstate"));
    for (const canary of TERRAFORM_CANARIES) expect(json).not.toContain(canary);
    expect(json).not.toContain("PRIVATE KEY");
  });

  it("names each credential by its instance address, with module paths and count / for_each keys", () => {
    const names = credentials(load("credentials.tfstate", "envs/prod/x.tfstate")).map((r) => r.name);
    expect(names).toEqual([
      "module.iam.aws_iam_access_key.deploy[0].secret",
      "module.iam.aws_iam_access_key.deploy[0].ses_smtp_password_v4",
      "module.iam.aws_iam_user_login_profile.deploy.password",
      "tls_private_key.ssh.private_key_pem",
      'random_password.db["blue"].result',
      'random_password.db["green"].result',
      'module.gcp["prod"].google_service_account_key.ci.private_key',
      "azuread_application_password.api.value",
      "azuread_service_principal_password.sp.value",
      "aws_secretsmanager_secret_version.api.secret_string",
      "github_actions_secret.deploy.plaintext_value",
      "cloudflare_api_token.ci.value",
      "aws_db_instance.main.password",
      'kubernetes_secret.app[1].data["API_TOKEN"]',
      "output.db_password",
    ]);
  });

  it("turns an aws_iam_access_key into a located, fingerprinted credential of the IAM user, twinned with the AWS key", () => {
    const records = load("credentials.tfstate", "envs/prod/x.tfstate");
    const secret = credentialNamed(records, "module.iam.aws_iam_access_key.deploy[0].secret");
    const user = { externalType: "aws.iam_user", externalId: "arn:aws:iam::123456789012:user/deploy" };
    const id = {
      externalType: "terraform.credential",
      externalId: "3f1c2a9e-5b7d-4c1e-9a2b-6d8e0f1a2b3c:module.iam.aws_iam_access_key.deploy[0].secret",
    };
    const state = { externalType: "terraform.state", externalId: "3f1c2a9e-5b7d-4c1e-9a2b-6d8e0f1a2b3c" };
    expect(secret).toEqual({
      kind: "credential",
      ...id,
      name: "module.iam.aws_iam_access_key.deploy[0].secret",
      type: "access_key",
      status: "active",
      identityRef: user,
      createdAt: "2024-03-01T10:15:00.000Z",
      fingerprint: fingerprint("wJalrXUtnFEMI/K7MDENG/bPxRfiCYTFCANARY01"),
      maskedHint: "wJal…",
      locations: [{ source: "terraform_state", path: "envs/prod/x.tfstate" }],
      attributes: {
        address: "module.iam.aws_iam_access_key.deploy[0]",
        attribute: "secret",
        resourceType: "aws_iam_access_key",
        provider: "registry.terraform.io/hashicorp/aws",
        accessKeyId: "AKIAIOSFODNN7TFSTATE",
        user: "deploy",
      },
    });
    expect(edges(records)).toEqual(
      expect.arrayContaining([
        { kind: "edge", type: "has_credential", from: user, to: id },
        {
          kind: "edge",
          type: "stored_in",
          from: id,
          to: state,
          attributes: { address: "module.iam.aws_iam_access_key.deploy[0]" },
        },
        {
          kind: "edge",
          type: "stored_in",
          from: { externalType: "aws.access_key", externalId: "AKIAIOSFODNN7TFSTATE" },
          to: state,
          attributes: { address: "module.iam.aws_iam_access_key.deploy[0]" },
        },
      ]),
    );
    // One twin edge per key even though the instance holds two secrets (secret + SMTP password).
    expect(edges(records).filter((e) => e.kind === "edge" && e.from.externalType === "aws.access_key")).toHaveLength(1);
  });

  it("links GCP and Entra credentials to the holders' natural keys and reads their validity", () => {
    const records = load("credentials.tfstate");
    const gcp = credentialNamed(records, 'module.gcp["prod"].google_service_account_key.ci.private_key');
    expect(gcp).toMatchObject({
      type: "private_key",
      identityRef: { externalType: "gcp.service_account", externalId: "ci@acme-prod.iam.gserviceaccount.com" },
      createdAt: "2024-05-01T08:00:00.000Z",
      expiresAt: "9999-12-31T23:59:59.000Z",
      algorithm: "KEY_ALG_RSA_2048",
    });
    const app = credentialNamed(records, "azuread_application_password.api.value");
    // The password names the application by object id; the azure connector keys it by client id.
    expect(app).toMatchObject({
      type: "client_secret",
      identityRef: { externalType: "azure.application", externalId: "11112222-3333-4444-8555-666677778888" },
      expiresAt: "2025-06-01T00:00:00.000Z",
    });
    const sp = credentialNamed(records, "azuread_service_principal_password.sp.value");
    expect(sp).toMatchObject({
      identityRef: { externalType: "azure.service_principal", externalId: "99990000-aaaa-4bbb-8ccc-ddddeeeeffff" },
      expiresAt: "2026-01-15T11:00:00.000Z",
    });
    const twins = edges(records)
      .filter(
        (e) => e.kind === "edge" && e.to.externalType === "terraform.state" && !e.from.externalType.startsWith("terraform."),
      )
      .map((e) => e.kind === "edge" && `${e.from.externalType}:${e.from.externalId}`);
    expect(twins).toEqual([
      "aws.access_key:AKIAIOSFODNN7TFSTATE",
      "gcp.service_account_key:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c",
      "azure.password_credential:aaaa1111-bbbb-4ccc-8ddd-eeeeffff0000",
      "azure.service_principal_password:12345678-90ab-4cde-8f01-234567890abc",
      "aws.secretsmanager_secret:arn:aws:secretsmanager:eu-west-1:123456789012:secret:acme/api-AbCdEf",
    ]);
  });

  it("fingerprints a tls_private_key like the certificates connector fingerprints the same PEM", () => {
    const state = JSON.parse(fixture("credentials.tfstate")) as {
      resources: { type: string; instances: { attributes: Record<string, string> }[] }[];
    };
    const pem = state.resources.find((r) => r.type === "tls_private_key")!.instances[0]!.attributes.private_key_pem!;
    const key = credentialNamed(load("credentials.tfstate"), "tls_private_key.ssh.private_key_pem");
    expect(key).toMatchObject({ type: "private_key", algorithm: "ECDSA", attributes: { ecdsaCurve: "P256" } });
    expect(key).not.toHaveProperty("keySize");
    expect(key.kind === "credential" && key.fingerprint).toBe(fingerprint(readPemBlocks(pem)[0]!.body));
  });

  it("finds generic provider secrets: sensitive paths, nested map keys, secret-named attributes, sensitive outputs", () => {
    const records = load("credentials.tfstate");
    expect(credentialNamed(records, "cloudflare_api_token.ci.value")).toMatchObject({
      type: "other",
      fingerprint: fingerprint("tf-canary-cloudflare-token-abcdef0123456789"),
    });
    expect(credentialNamed(records, 'kubernetes_secret.app[1].data["API_TOKEN"]')).toMatchObject({ type: "token" });
    expect(credentialNamed(records, "aws_db_instance.main.password")).toMatchObject({ type: "password" });
    expect(credentialNamed(records, "output.db_password")).toMatchObject({
      fingerprint: fingerprint("tf-canary-sensitive-output-5566"),
    });
    // Named like a secret but an identifier, or not sensitive: not credentials.
    const names = credentials(records).map((r) => r.name);
    expect(names).not.toContain("aws_db_instance.main.master_user_secret_kms_key_id");
    expect(names).not.toContain('kubernetes_secret.app[1].data["LOG_LEVEL"]');
    expect(names).not.toContain("output.bucket");
  });

  it("emits only the state for a state without credentials", () => {
    expect(load("no-credentials.tfstate", "logs.tfstate")).toEqual([
      {
        kind: "resource",
        externalType: "terraform.state",
        externalId: "aa11bb22-cc33-4d44-8e55-ff6677889900",
        name: "logs.tfstate",
        type: "file",
        attributes: {
          path: "logs.tfstate",
          lineage: "aa11bb22-cc33-4d44-8e55-ff6677889900",
          serial: 7,
          terraformVersion: "1.6.0",
          resourceCount: 2,
          credentialCount: 0,
        },
      },
    ]);
  });

  it("reads an inactive key's status and skips PGP-encrypted secrets", () => {
    const state = {
      version: 4,
      terraform_version: "1.5.7",
      serial: 1,
      lineage: "l-1",
      resources: [
        {
          mode: "managed",
          type: "aws_iam_access_key",
          name: "old",
          instances: [
            {
              attributes: {
                id: "AKIAOLDKEYEXAMPLE001",
                user: "ghost",
                status: "Inactive",
                secret: "tf-inactive-secret-value-xyz",
              },
            },
          ],
        },
        {
          mode: "managed",
          type: "aws_iam_access_key",
          name: "pgp",
          instances: [
            {
              attributes: {
                id: "AKIAPGPKEYEXAMPLE001",
                user: "ghost",
                status: "Active",
                secret: null,
                encrypted_secret: "wcBMA…",
              },
            },
          ],
        },
      ],
    };
    const records = terraformConnector.streams[0]!.transform({ path: "s.tfstate", state }, ctx);
    expect(credentials([...records])).toEqual([
      expect.objectContaining({
        name: "aws_iam_access_key.old.secret",
        status: "inactive",
        attributes: expect.objectContaining({ user: "ghost" }),
      }),
    ]);
    // The user is not in this state: no holder to link, the name stays in the attributes.
    expect(credentials([...records])[0]).not.toHaveProperty("identityRef");
    // Only the key whose secret is in clear text is "stored in" the state; PGP ciphertext is not the secret.
    expect(records.filter((r) => r.kind === "edge" && r.from.externalType === "aws.access_key")).toEqual([
      expect.objectContaining({ from: { externalType: "aws.access_key", externalId: "AKIAOLDKEYEXAMPLE001" } }),
    ]);
  });

  it("reads credential data sources too, addressed with data.", () => {
    const state = {
      version: 4,
      terraform_version: "1.8.0",
      serial: 3,
      lineage: "l-2",
      resources: [
        {
          module: "module.app",
          mode: "data",
          type: "aws_secretsmanager_secret_version",
          name: "db",
          instances: [
            {
              attributes: {
                arn: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-XyZ",
                secret_string: "tf-data-source-secret-value",
              },
              sensitive_attributes: [],
            },
          ],
        },
      ],
    };
    const records = terraformConnector.streams[0]!.transform({ path: "s.tfstate", state }, ctx);
    expect(credentials([...records]).map((r) => [r.name, r.type])).toEqual([
      ["module.app.data.aws_secretsmanager_secret_version.db.secret_string", "stored_secret"],
    ]);
    expect(records).toContainEqual(
      expect.objectContaining({
        from: {
          externalType: "aws.secretsmanager_secret",
          externalId: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-XyZ",
        },
      }),
    );
    expect(JSON.stringify(records)).not.toContain("tf-data-source-secret-value");
  });

  it("recognises states by content and refuses version 3 with a reason", () => {
    expect(
      detectFormat(inspectFile("anything.json", fixture("credentials.tfstate")), terraformConnector.formats)?.confidence,
    ).toBe(1);
    expect(
      detectFormat(inspectFile("terraform.tfstate", '{"version": 4, "resources": []}'), terraformConnector.formats),
    ).toBeNull();
    const legacy = inspectFile("old/terraform.tfstate", fixture("legacy-v3.tfstate"));
    const detected = detectFormat(legacy, terraformConnector.formats);
    expect(detected?.format.id).toBe("terraform.state-v4");
    let error: unknown;
    try {
      detected!.format.parse(legacy);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).message).toMatch(/version 3 is not supported.*Terraform 0\.12/);
    expect((error as FormatError).message).not.toContain("tf-canary-v3-secret-never-read");
  });
});
