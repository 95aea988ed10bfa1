import { describe, expect, it } from "vitest";
import { expectHarnessPasses } from "../sdk";
import { DEPLOYER, gcloudFiles, gcloudJson, PROJECT_ID } from "./__fixtures__/gcloud-files";
import { gcpConnector } from "./index";

/** Planted where a secret could sit: the private key data of a saved keys.create response. */
const PRIVATE_KEY_CANARY = "gcp-private-key-data-CANARY-7f3a9c2e41b8d05";

const createdKey = {
  ...gcloudJson("keys/payments-deployer.json")[0],
  privateKeyData: PRIVATE_KEY_CANARY,
  privateKeyType: "TYPE_GOOGLE_CREDENTIALS_FILE",
};

const base = { projectIds: [PROJECT_ID], accessToken: "ya29.test-token" };

describe("gcp connector", () => {
  it("passes the connector harness with live items and gcloud files", async () => {
    await expectHarnessPasses(gcpConnector, {
      fixtures: [
        { stream: "service-accounts", items: gcloudJson("service-accounts.json") },
        {
          stream: "service-account-keys",
          parent: { stream: "service-accounts", id: DEPLOYER },
          items: [...gcloudJson("keys/payments-deployer.json"), createdKey],
        },
        {
          stream: "project-iam",
          items: [{ ...gcloudJson<object>("acme-payments-prod/iam-policy.json"), keyward: { projectId: PROJECT_ID } }],
        },
      ],
      files: gcloudFiles,
      canaries: [PRIVATE_KEY_CANARY],
    });
  });

  it("declares a read-only permission for every stream", () => {
    const covered = new Set(gcpConnector.permissions.map((p) => p.stream));
    expect([...covered].sort()).toEqual(gcpConnector.streams.map((s) => s.name).sort());
    expect(gcpConnector.permissions.every((p) => /\.(list|get|getIamPolicy)$/.test(p.permission))).toBe(true);
  });

  it("has one scope per distinct configured project", async () => {
    const config = gcpConnector.configSchema.parse({ ...base, projectIds: [PROJECT_ID, "acme-analytics", PROJECT_ID] });
    const scopes = await gcpConnector.scopes({ config } as Parameters<typeof gcpConnector.scopes>[0]);
    expect(scopes.map((s) => s.id)).toEqual([PROJECT_ID, "acme-analytics"]);
  });
});

describe("gcp config", () => {
  const parse = (config: object) => gcpConnector.configSchema.safeParse(config);

  it("needs exactly one credential", () => {
    expect(parse(base).success).toBe(true);
    expect(parse({ projectIds: [PROJECT_ID] }).error?.issues[0]?.path).toEqual(["serviceAccountKey"]);
  });

  it("refuses a key that is not JSON without quoting it", () => {
    const text = '{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----\\nMIIEvQ-not-real';
    const result = parse({ projectIds: [PROJECT_ID], serviceAccountKey: text });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).not.toContain("MIIEvQ");
  });

  it("refuses project ids Google would not issue", () => {
    expect(parse({ ...base, projectIds: ["Acme_Prod"] }).success).toBe(false);
    expect(parse({ ...base, projectIds: [] }).success).toBe(false);
  });
});
