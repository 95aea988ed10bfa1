import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bundleOf, buildTestRepository } from "./code/__fixtures__/test-repository";
import { detectFormat, inspectFile } from "./sdk";
import { allConnectors, allFormats, connectorOfFormat, findConnector, getConnector, UnknownProviderError } from "./registry";

describe("connector registry", () => {
  it("registers every connector by provider", () => {
    expect(allConnectors().map((c) => c.provider)).toEqual([
      "keyward",
      "people",
      "certificates",
      "database-roles",
      "azure",
      "aws",
      "gcp",
      "kubernetes",
      "vault",
      "github",
      "gitlab",
      "code",
      "terraform",
      "mcp",
    ]);
    expect(getConnector("people").displayName).toBe("People directory");
    expect(findConnector("nope")).toBeUndefined();
    expect(() => getConnector("nope")).toThrow(UnknownProviderError);
  });

  it("lists every format once, with unique ids, each mapped back to its connector", () => {
    const ids = allFormats().map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      "keyward.inventory-json",
      "keyward.inventory-csv",
      "people.directory-csv",
      "people.directory-json",
      "certificates.pem",
      "certificates.der",
      "azure.graph-applications",
      "azure.graph-service-principals",
      "azure.graph-organization",
      "azure.graph-application-owners",
      "azure.graph-app-role-assignments",
      "aws.iam-credential-report",
      "aws.iam-get-credential-report",
      "aws.iam-list-access-keys",
      "aws.iam-list-user-tags",
      "aws.iam-list-roles",
      "aws.sts-get-caller-identity",
      "aws.secretsmanager-list-secrets",
      "aws.acm-list-certificates",
      "aws.acm-describe-certificate",
      "gcp.gcloud-service-accounts",
      "gcp.gcloud-service-account-keys",
      "gcp.gcloud-project-iam-policy",
      "kubernetes.kubectl-list",
      "vault.sys-auth",
      "vault.sys-mounts",
      "vault.approle-role",
      "vault.approle-secret-id-lookup",
      "vault.token-lookup",
      "vault.kv-metadata",
      "vault.list",
      "github.rest-organization",
      "github.rest-repositories",
      "github.rest-deploy-keys",
      "github.rest-repository-secrets",
      "github.rest-organization-secrets",
      "github.rest-app-installations",
      "github.rest-personal-access-tokens",
      "github.rest-personal-access-token-requests",
      "gitlab.rest-groups",
      "gitlab.rest-projects",
      "gitlab.rest-variables",
      "gitlab.rest-access-tokens",
      "gitlab.rest-deploy-tokens",
      "code.git-bundle",
      "terraform.state-v4",
      "mcp.mcp-servers-config",
      "mcp.vscode-config",
    ]);
    for (const format of allFormats()) expect(connectorOfFormat(format).provider).toBe(format.id.split(".")[0]);
  });
});

describe("external types", () => {
  it("every type a connector's stream owns is in the Keyward format's vocabulary, so an export imports back", async () => {
    const vocabulary = await import("./keyward/external-types");
    const known = new Set<string>(
      Object.values(vocabulary).flatMap((value) =>
        Array.isArray(value) ? (value as unknown[]).filter((v) => typeof v === "string") : [],
      ),
    );
    const missing = allConnectors()
      .filter((c) => c.provider !== "keyward" && c.provider !== "people")
      .flatMap((c) => c.streams.flatMap((s) => s.externalTypes.map((type) => `${c.provider}/${s.name}: ${type}`)))
      .filter((entry) => !known.has(entry.split(": ")[1]!));
    expect(missing).toEqual([]);
  });
});

describe("format detection across every registered format", () => {
  const demo = new URL("../demo/", import.meta.url);
  const cases: [string, string, string | null][] = [
    ...fs
      .readdirSync(demo)
      .map((name): [string, string, string | null] => [
        name,
        fs.readFileSync(new URL(name, demo), "utf8"),
        name.endsWith(".csv")
          ? name === "people.csv"
            ? "people.directory-csv"
            : "keyward.inventory-csv"
          : "keyward.inventory-json",
      ]),
    // Look-alikes: a Keyward document with people, a Keyward CSV of people, a directory with a "kind" column.
    ["k-people.json", '{"keyward":"inventory/v1","people":[{"email":"a@b.io"}]}', "keyward.inventory-json"],
    ["k-people.csv", "kind,email,name,team,manager,status\nperson,a@b.io,A,,,active\n", "keyward.inventory-csv"],
    ["dir.json", '{"people":[{"email":"a@b.io"}]}', "people.directory-json"],
    ["dir-kind.csv", "email,name,kind\na@b.io,A,x\n", null],
    ["notes.md", "# notes\n", null],
    ["empty.json", "[]", null],
  ];

  it.each(cases)("%s is claimed by exactly one format (or none), never two equally", (name, content, expected) => {
    const file = inspectFile(name, content);
    const claims = allFormats().filter((f) => Number(f.detect(file)) > 0);
    expect(detectFormat(file, allFormats())?.format.id ?? null).toBe(expected);
    expect(claims.length).toBeLessThanOrEqual(expected ? 2 : 0);
  });

  it("reports two formats claiming a file equally as ambiguous instead of picking one", () => {
    const twin = { ...allFormats()[0]!, id: "test.twin" };
    expect(() => detectFormat(inspectFile("x.json", '{"keyward":"inventory/v1"}'), [...allFormats(), twin])).toThrow(
      /ambiguous|equally/,
    );
  });
});

describe("the git bundle format among every registered format", () => {
  /** Every fixture file of the connectors, as bytes (bundles, DER and binary fixtures included). */
  const fixtureFiles = () => {
    const root = new URL("./", import.meta.url).pathname;
    return fs
      .readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => {
        const dir = path.join(root, entry.name, "__fixtures__");
        if (!fs.existsSync(dir)) return [];
        return fs
          .readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((file) => file.isFile())
          .map((file) => path.join(file.parentPath, file.name))
          .map((file) => ({ path: path.relative(root, file), bytes: fs.readFileSync(file) }));
      });
  };

  it("recognises a real bundle by content alone (any name), claimed by no other format", () => {
    const repo = buildTestRepository();
    try {
      const bytes = bundleOf(repo);
      for (const name of ["repos/app.bundle", "export.json", "noextension"]) {
        const file = inspectFile(name, bytes);
        expect(
          allFormats()
            .filter((f) => Number(f.detect(file)) > 0)
            .map((f) => f.id),
        ).toEqual(["code.git-bundle"]);
        expect(connectorOfFormat(detectFormat(file, allFormats())!.format).provider).toBe("code");
      }
    } finally {
      repo.remove();
    }
  });

  it("claims no other connector's fixture file", () => {
    const files = fixtureFiles();
    expect(files.length).toBeGreaterThan(50);
    const bundle = allFormats().find((f) => f.id === "code.git-bundle")!;
    expect(files.filter((file) => Number(bundle.detect(inspectFile(file.path, file.bytes))) > 0).map((f) => f.path)).toEqual([]);
  });
});
