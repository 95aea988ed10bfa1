import { describe, expect, it } from "vitest";
import { expectHarnessPasses } from "../sdk";
import { INFRA, ORG, PAYMENTS, restFiles, restJson, restList, withContext } from "./__fixtures__/rest-files";
import { githubConnector } from "./index";

/** Planted where a secret could sit: the encrypted value of a saved "create or update secret" body. */
const SECRET_VALUE_CANARY = "github-actions-secret-CANARY-4d9a0e7c21f3";
/** And a token pasted into a saved installation response (an access_tokens answer mixed in). */
const TOKEN_CANARY = "ghs-installation-token-CANARY-8b2f61c0d94e";

const savedSecretBody = {
  name: "NPM_TOKEN",
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-02T00:00:00Z",
  encrypted_value: SECRET_VALUE_CANARY,
  key_id: "012345678912345678",
};
const [installation] = restList("orgs/acme-corp/installations.json", "installations");

describe("github connector", () => {
  it("passes the connector harness with live items and saved REST responses", async () => {
    await expectHarnessPasses(githubConnector, {
      fixtures: [
        {
          stream: "organization",
          items: withContext([restJson<Record<string, unknown>>("orgs/acme-corp/org.json")], { org: ORG }),
        },
        { stream: "repositories", items: withContext(restJson("orgs/acme-corp/repos.json"), { org: ORG }) },
        {
          stream: "deploy-keys",
          parent: { stream: "repositories", id: PAYMENTS },
          items: withContext(
            [...restJson("repos/acme-corp/payments-api/keys.json"), ...restJson("repos/acme-corp/payments-api/keys-page-2.json")],
            {
              org: ORG,
              repo: PAYMENTS,
            },
          ),
        },
        {
          stream: "repository-secrets",
          parent: { stream: "repositories", id: PAYMENTS },
          items: withContext([...restList("repos/acme-corp/payments-api/actions/secrets.json", "secrets"), savedSecretBody], {
            org: ORG,
            repo: PAYMENTS,
          }),
        },
        {
          stream: "organization-secrets",
          items: withContext(restList("orgs/acme-corp/actions/secrets.json", "secrets"), {
            org: ORG,
            selectedRepositories: [PAYMENTS, INFRA],
          }),
        },
        {
          stream: "app-installations",
          items: withContext(
            [
              ...restList("orgs/acme-corp/installations.json", "installations"),
              { ...installation, id: 25399, token: TOKEN_CANARY },
            ],
            {
              org: ORG,
            },
          ),
        },
        {
          stream: "personal-access-tokens",
          items: withContext(restJson("orgs/acme-corp/personal-access-tokens.json"), { org: ORG }),
        },
        {
          stream: "personal-access-token-requests",
          items: withContext(restJson("orgs/acme-corp/personal-access-token-requests.json"), { org: ORG }),
        },
      ],
      files: restFiles,
      canaries: [SECRET_VALUE_CANARY, TOKEN_CANARY],
    });
  });

  it("declares a read-only permission for every stream", () => {
    const covered = new Set(githubConnector.permissions.map((p) => p.stream));
    expect([...covered].sort()).toEqual(githubConnector.streams.map((s) => s.name).sort());
    expect(githubConnector.permissions.every((p) => p.permission.endsWith(": read"))).toBe(true);
  });

  it("has one scope per distinct organization, case-insensitively", async () => {
    const config = githubConnector.configSchema.parse({ organizations: [ORG, "acme-labs", "ACME-CORP"], token: "t" });
    const scopes = await githubConnector.scopes({ config } as Parameters<typeof githubConnector.scopes>[0]);
    expect(scopes.map((s) => s.id)).toEqual([ORG, "acme-labs"]);
  });
});

describe("github config", () => {
  const parse = (config: object) => githubConnector.configSchema.safeParse(config);
  const app = {
    appId: 1001,
    appInstallationId: 25381,
    appPrivateKey: "-----BEGIN RSA PRIVATE KEY-----\nnot-a-real-key\n-----END RSA PRIVATE KEY-----",
  };

  it("needs either a token or the three App fields", () => {
    expect(parse({ organizations: [ORG], token: "t" }).success).toBe(true);
    expect(parse({ organizations: [ORG], ...app }).success).toBe(true);
    expect(parse({ organizations: [ORG] }).error?.issues[0]?.path).toEqual(["token"]);
    expect(parse({ organizations: [ORG], token: "t", ...app }).success).toBe(false);
    expect(parse({ organizations: [ORG], appId: 1001, appInstallationId: 25381 }).success).toBe(false);
  });

  it("defaults to github.com and keeps a GitHub Enterprise Server root without its trailing slash", () => {
    expect(parse({ organizations: [ORG], token: "t" }).data?.baseUrl).toBe("https://api.github.com");
    expect(parse({ organizations: [ORG], token: "t", baseUrl: "https://github.acme.example/api/v3/" }).data?.baseUrl).toBe(
      "https://github.acme.example/api/v3",
    );
  });

  it("refuses organization logins GitHub would not issue", () => {
    expect(parse({ organizations: ["acme_corp"], token: "t" }).success).toBe(false);
    expect(parse({ organizations: ["-acme"], token: "t" }).success).toBe(false);
    expect(parse({ organizations: [], token: "t" }).success).toBe(false);
  });
});
