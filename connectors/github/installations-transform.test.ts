import { describe, expect, it } from "vitest";
import { ORG, restList, withContext } from "./__fixtures__/rest-files";
import { single, transformWith } from "./__fixtures__/transform-helpers";
import { appInstallationsStream } from "./streams/app-installations";

const transform = transformWith(appInstallationsStream);
const [active, suspended] = withContext(restList("orgs/acme-corp/installations.json", "installations"), {
  org: ORG,
  environment: "prod",
});

describe("App installation transform", () => {
  it("records an active installation as a machine identity with its permissions, admin on the organization", () => {
    const records = transform(active);
    expect(single(records, "identity")).toMatchObject({
      externalType: "github.app_installation",
      externalId: "25381",
      name: "release-manager",
      type: "github_app_installation",
      status: "active",
      environment: "prod",
      createdAt: "2021-05-18T20:13:05.000Z",
      isHuman: false,
      interactive: false,
      attributes: {
        installationId: 25381,
        appId: 1001,
        clientId: "Iv1.ab1112223334445c",
        account: ORG,
        repositorySelection: "all",
        permissions: { checks: "write", metadata: "read", contents: "read", administration: "write" },
        events: ["push", "pull_request"],
        suspended: false,
      },
    });
    // administration: write lets the App change repository settings and access: admin.
    expect(single(records, "edge")).toMatchObject({
      type: "has_permission",
      to: { externalType: "github.organization", externalId: ORG },
      level: "admin",
      attributes: { repositorySelection: "all", strongest: ["administration"] },
    });
  });

  it("records a suspended installation as inactive, with when and by whom", () => {
    const records = transform(suspended);
    expect(single(records, "identity")).toMatchObject({
      status: "inactive",
      attributes: {
        suspended: true,
        suspendedAt: "2025-03-03T08:00:00.000Z",
        suspendedBy: "sofia-rossi",
        repositorySelection: "selected",
      },
    });
    expect(single(records, "edge")).toMatchObject({ level: "read" });
  });

  it("falls back to the installation's account for the organization, and to the App id for the name", () => {
    const records = transform({ ...active, app_slug: null, keyward: {} });
    expect(single(records, "identity").name).toBe("app 1001");
    expect(single(records, "edge").to.externalId).toBe(ORG);
  });
});
