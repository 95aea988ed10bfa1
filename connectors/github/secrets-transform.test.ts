import { describe, expect, it } from "vitest";
import { INFRA, ORG, PAYMENTS, restList, withContext } from "./__fixtures__/rest-files";
import { only, single, transformWith } from "./__fixtures__/transform-helpers";
import { organizationSecretsStream } from "./streams/organization-secrets";
import { repositorySecretsStream } from "./streams/repository-secrets";

const repoSecrets = withContext(restList("repos/acme-corp/payments-api/actions/secrets.json", "secrets"), {
  org: ORG,
  repo: PAYMENTS,
});
const orgSecrets = restList("orgs/acme-corp/actions/secrets.json", "secrets");
const [privateSecret, allSecret, selectedSecret] = orgSecrets;

describe("repository Actions secret transform", () => {
  it("records a secret by name with its dates, stored in its repository, without any value", () => {
    const records = transformWith(repositorySecretsStream)(repoSecrets[1]);
    const credential = single(records, "credential");
    expect(credential).toMatchObject({
      externalType: "github.actions_secret",
      externalId: "acme-corp/payments-api:STRIPE_API_KEY",
      name: "STRIPE_API_KEY",
      type: "ci_variable",
      status: "active",
      createdAt: "2023-05-01T08:00:00.000Z",
      lastRotatedAt: "2026-09-15T08:00:00.000Z",
      attributes: { level: "repository", repository: PAYMENTS, valueReadable: false },
    });
    expect(credential.fingerprint).toBeUndefined();
    expect(single(records, "edge")).toMatchObject({
      type: "stored_in",
      to: { externalType: "github.repository", externalId: PAYMENTS },
    });
  });

  it("drops a value someone saved along with the secret", () => {
    const records = transformWith(repositorySecretsStream)({ ...repoSecrets[0], encrypted_value: "c2VjcmV0LXZhbHVl" });
    expect(JSON.stringify(records)).not.toContain("c2VjcmV0LXZhbHVl");
  });
});

describe("organization Actions secret transform", () => {
  const transform = transformWith(organizationSecretsStream);

  it("keeps the visibility and stores private/all secrets in the organization only", () => {
    for (const [secret, visibility] of [
      [privateSecret, "private"],
      [allSecret, "all"],
    ] as const) {
      const records = transform({ ...secret, keyward: { org: ORG } });
      expect(single(records, "credential")).toMatchObject({
        externalType: "github.org_actions_secret",
        externalId: `${ORG}:${(secret as { name: string }).name}`,
        attributes: { level: "organization", organization: ORG, visibility },
      });
      expect(single(records, "edge")).toMatchObject({
        type: "stored_in",
        to: { externalType: "github.organization", externalId: ORG },
      });
    }
  });

  it("links a selected secret to each repository it is shared with", () => {
    const records = transform({
      ...selectedSecret,
      keyward: { org: ORG, selectedRepositories: [PAYMENTS, "Acme-Corp/Infra-Live"] },
    });
    expect(single(records, "credential").attributes).toMatchObject({
      visibility: "selected",
      selectedRepositories: [INFRA, PAYMENTS],
    });
    expect(only(records, "edge").map((e) => e.to.externalId)).toEqual([ORG, INFRA, PAYMENTS]);
  });

  it("takes the organization from the selected repositories URL when the context has none", () => {
    const records = transform({ ...selectedSecret, keyward: {} });
    expect(single(records, "credential").externalId).toBe(`${ORG}:GH_PAT_RELEASE`);
  });
});
