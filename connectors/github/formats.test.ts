import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { awsConnector } from "../aws";
import { azureConnector } from "../azure";
import { certificatesConnector } from "../certificates";
import { databaseRolesConnector } from "../database-roles";
import { gcpConnector } from "../gcp";
import { keywardConnector } from "../keyward";
import { peopleConnector } from "../people";
import { detectFormat, FormatError, inspectFile } from "../sdk";
import { INFRA, ORG, PAYMENTS, restFiles, restText } from "./__fixtures__/rest-files";
import { organizationOfPath, repositoryOfPath } from "./formats/import-path";
import { githubConnector } from "./index";

const detect = (path: string, content: string) => detectFormat(inspectFile(path, content), githubConnector.formats);
const parse = (path: string, content: string) => {
  const found = detect(path, content);
  if (!found) throw new Error(`${path} not recognised`);
  return { id: found.format.id, batches: found.format.parse(inspectFile(path, content)) };
};

/** Fixture files of the other connectors, none of which is a GitHub response. */
function foreignFiles(): { path: string; content: string }[] {
  return ["keyward", "people", "certificates", "database-roles", "aws", "azure", "gcp"]
    .map((connector) => fileURLToPath(new URL(`../${connector}/__fixtures__/`, import.meta.url)))
    .filter((dir) => existsSync(dir))
    .flatMap((dir) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && /\.(json|csv|txt|pem)$/.test(entry.name))
        .map((entry) => ({ path: entry.name, content: readFileSync(join(entry.parentPath, entry.name), "utf8") })),
    );
}

describe("offline GitHub REST formats", () => {
  it("recognises every saved response by its content", () => {
    const ids = Object.fromEntries(restFiles.map((file) => [file.path, parse(file.path, file.content).id]));
    expect(ids).toEqual({
      "orgs/acme-corp/actions/secrets.json": "github.rest-organization-secrets",
      "orgs/acme-corp/installations.json": "github.rest-app-installations",
      "orgs/acme-corp/org.json": "github.rest-organization",
      "orgs/acme-corp/personal-access-token-requests.json": "github.rest-personal-access-token-requests",
      "orgs/acme-corp/personal-access-tokens.json": "github.rest-personal-access-tokens",
      "orgs/acme-corp/repos.json": "github.rest-repositories",
      "repos/acme-corp/infra-live/deploy-keys.json": "github.rest-deploy-keys",
      "repos/acme-corp/payments-api/actions/secrets.json": "github.rest-repository-secrets",
      "repos/acme-corp/payments-api/keys-page-2.json": "github.rest-deploy-keys",
      "repos/acme-corp/payments-api/keys.json": "github.rest-deploy-keys",
    });
  });

  it("takes a deploy key file's repository from its path, and pages saved as separate files add up", () => {
    const pages = ["repos/acme-corp/payments-api/keys.json", "repos/acme-corp/payments-api/keys-page-2.json"].flatMap(
      (path) => parse(path, restText(path)).batches,
    );
    expect(pages.map((b) => [b.stream, b.parent?.id, b.items.length])).toEqual([
      ["deploy-keys", PAYMENTS, 2],
      ["deploy-keys", PAYMENTS, 1],
    ]);
    expect(pages.flatMap((b) => b.items).map((item) => (item as { keyward: { repo: string } }).keyward.repo)).toEqual([
      PAYMENTS,
      PAYMENTS,
      PAYMENTS,
    ]);
    // The same response under OWNER/REPO/, whatever the file is called.
    const moved = parse("exports/acme-corp/infra-live/anything.json", restText("repos/acme-corp/infra-live/deploy-keys.json"));
    expect(moved.batches[0]?.parent).toEqual({ stream: "repositories", id: INFRA });
  });

  it("refuses a repository response whose path does not name the repository", () => {
    expect(() => parse("keys.json", restText("repos/acme-corp/payments-api/keys.json"))).toThrow(FormatError);
    expect(() => parse("secrets.json", restText("repos/acme-corp/payments-api/actions/secrets.json"))).toThrow(
      /cannot tell which repository/,
    );
  });

  it("tells repository secrets from organization secrets by the visibility field", () => {
    const repo = parse(
      "repos/acme-corp/payments-api/actions/secrets.json",
      restText("repos/acme-corp/payments-api/actions/secrets.json"),
    );
    expect(repo.batches[0]).toMatchObject({ stream: "repository-secrets", parent: { id: PAYMENTS } });
    const org = parse("org-secrets.json", restText("orgs/acme-corp/actions/secrets.json"));
    // The selected secret's repositories URL names the organization: no path needed.
    expect(org.batches[0]?.stream).toBe("organization-secrets");
    expect(org.batches[0]?.items.every((item) => (item as { keyward: { org: string } }).keyward.org === ORG)).toBe(true);
  });

  it("needs the path for organization secrets that do not name their organization", () => {
    const unnamed = JSON.stringify({
      total_count: 1,
      secrets: [{ name: "X", created_at: "2024-01-01T00:00:00Z", updated_at: "2024-01-01T00:00:00Z", visibility: "all" }],
    });
    expect(() => parse("secrets.json", unnamed)).toThrow(/cannot tell which organization/);
    expect(parse("orgs/acme-labs/actions/secrets.json", unnamed).batches[0]?.items[0]).toMatchObject({
      keyward: { org: "acme-labs" },
    });
    expect(parse("acme-labs/org-secrets.json", unnamed).batches[0]?.items[0]).toMatchObject({ keyward: { org: "acme-labs" } });
  });

  it("takes the organization of tokens and requests from their repositories URL", () => {
    const tokens = parse("pats.json", restText("orgs/acme-corp/personal-access-tokens.json"));
    const requests = parse("pending.json", restText("orgs/acme-corp/personal-access-token-requests.json"));
    expect([tokens.batches[0]?.stream, requests.batches[0]?.stream]).toEqual([
      "personal-access-tokens",
      "personal-access-token-requests",
    ]);
    expect(tokens.batches[0]?.items[0]).toMatchObject({ keyward: { org: ORG } });
  });

  it("reports an invalid item by its index without quoting the file", () => {
    const broken = JSON.stringify([{ id: 1, key: "ssh-ed25519 AAAA", read_only: true, created_at: 5 }]);
    const error = (() => {
      try {
        parse("repos/acme-corp/payments-api/keys.json", broken);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).message).toMatch(/0/);
  });

  it("leaves empty lists and other connectors' files unrecognised", () => {
    expect(detect("repos/acme-corp/payments-api/keys.json", "[]")).toBeNull();
    expect(detect("x.json", JSON.stringify({ total_count: 0, secrets: [] }))).toBeNull();
    const claimed = foreignFiles().filter((file) => detect(file.path, file.content) !== null);
    expect(claimed.map((f) => f.path)).toEqual([]);
  });

  it("is the only connector that recognises the GitHub responses", () => {
    const others = [
      keywardConnector,
      peopleConnector,
      certificatesConnector,
      databaseRolesConnector,
      azureConnector,
      awsConnector,
      gcpConnector,
    ];
    const everyFormat = [...others.flatMap((c) => c.formats), ...githubConnector.formats];
    for (const file of restFiles)
      expect(detectFormat(inspectFile(file.path, file.content), everyFormat)?.format.id).toMatch(/^github\./);
  });

  it("reads parents from API paths and from plain folders, ignoring API words", () => {
    expect(repositoryOfPath("backup/repos/acme-corp/payments-api/actions/secrets.json")).toBe(PAYMENTS);
    expect(repositoryOfPath("acme-corp/payments-api/keys.json")).toBe(PAYMENTS);
    expect(repositoryOfPath("repos/keys.json")).toBeUndefined();
    expect(organizationOfPath("orgs/acme-corp/actions/secrets.json")).toBe(ORG);
    expect(organizationOfPath("secrets/x.json")).toBeUndefined();
  });
});
