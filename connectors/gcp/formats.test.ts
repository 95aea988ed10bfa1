import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { azureConnector } from "../azure";
import { certificatesConnector } from "../certificates";
import { databaseRolesConnector } from "../database-roles";
import { keywardConnector } from "../keyward";
import { peopleConnector } from "../people";
import { detectFormat, FormatError, inspectFile } from "../sdk";
import { DEPLOYER, gcloudFiles, gcloudJson, gcloudText, LEGACY_BATCH, PROJECT_ID } from "./__fixtures__/gcloud-files";
import { projectIdOfPolicyFile } from "./formats/project-path";
import { gcpConnector } from "./index";

const detect = (path: string, content: string) => detectFormat(inspectFile(path, content), gcpConnector.formats);
const parse = (path: string, content: string) => {
  const found = detect(path, content);
  if (!found) throw new Error(`${path} not recognised`);
  return { id: found.format.id, batches: found.format.parse(inspectFile(path, content)) };
};

/** Fixture files of other connectors (and of sibling cloud connectors, when present). */
function foreignFiles(): { path: string; content: string }[] {
  return ["keyward", "people", "certificates", "database-roles", "aws", "azure"]
    .map((connector) => fileURLToPath(new URL(`../${connector}/__fixtures__/`, import.meta.url)))
    .filter((dir) => existsSync(dir))
    .flatMap((dir) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && /\.(json|csv|txt|pem)$/.test(entry.name))
        .map((entry) => ({ path: entry.name, content: readFileSync(join(entry.parentPath, entry.name), "utf8") })),
    );
}

describe("offline gcloud formats", () => {
  it("recognises each gcloud export by its content, whatever the file is called", () => {
    expect(parse("sa.json", gcloudText("service-accounts.json")).id).toBe("gcp.gcloud-service-accounts");
    expect(parse("k.json", gcloudText("keys/payments-deployer.json")).id).toBe("gcp.gcloud-service-account-keys");
    expect(parse(`${PROJECT_ID}.json`, gcloudText("acme-payments-prod/iam-policy.json")).id).toBe("gcp.gcloud-project-iam-policy");
  });

  it("also recognises the API responses saved as they are", () => {
    const accounts = { accounts: gcloudJson("service-accounts.json"), nextPageToken: "CgQIARAB" };
    expect(parse("page.json", JSON.stringify(accounts)).batches[0]?.items).toHaveLength(5);
    const keys = { keys: gcloudJson("keys/legacy-batch.json") };
    expect(parse("keys.json", JSON.stringify(keys)).id).toBe("gcp.gcloud-service-account-keys");
  });

  it("gives keys their account as parent, taken from each key's name", () => {
    const { batches } = parse("whatever.json", gcloudText("keys/payments-deployer.json"));
    expect(batches).toEqual([
      expect.objectContaining({ stream: "service-account-keys", parent: { stream: "service-accounts", id: DEPLOYER } }),
    ]);
    expect(batches[0]?.items).toHaveLength(4);
    const mixed = [...gcloudJson("keys/payments-deployer.json"), ...gcloudJson("keys/legacy-batch.json")];
    expect(parse("all-keys.json", JSON.stringify(mixed)).batches.map((b) => [b.parent?.id, b.items.length])).toEqual([
      [DEPLOYER, 4],
      [LEGACY_BATCH, 2],
    ]);
  });

  it("takes an IAM policy's project from the path and stamps it on the item", () => {
    const { batches } = parse("exports/acme-payments-prod/iam-policy.json", gcloudText("acme-payments-prod/iam-policy.json"));
    expect(batches).toEqual([{ stream: "project-iam", items: [expect.objectContaining({ keyward: { projectId: PROJECT_ID } })] }]);
  });

  it.each([
    ["acme-payments-prod.json", PROJECT_ID],
    ["gcp/acme-payments-prod.json", PROJECT_ID],
    ["acme-payments-prod/iam-policy.json", PROJECT_ID],
    ["acme-payments-prod/get-iam-policy.json", PROJECT_ID],
    ["projects/acme-payments-prod/policy-2025-05.json", PROJECT_ID],
    ["projects/acme-payments-prod.json", PROJECT_ID],
  ])("reads the project of %s", (path, project) => {
    expect(projectIdOfPolicyFile(path)).toBe(project);
  });

  it.each(["iam-policy.json", "gcp_exports/policy.json", "Acme/iam-policy.json", "projects/iam-policy.json", "p1/iam-policy.json"])(
    "fails clearly, naming the file, when %s does not say the project",
    (path) => {
      const error = (() => {
        try {
          parse(path, gcloudText("acme-payments-prod/iam-policy.json"));
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(FormatError);
      expect((error as FormatError).file).toBe(path);
      expect((error as FormatError).message).toMatch(/cannot tell which project/);
    },
  );

  it("recognises an empty policy (gcloud prints only its etag) but not an empty list", () => {
    expect(parse(`${PROJECT_ID}.json`, '{ "etag": "ACAB" }').id).toBe("gcp.gcloud-project-iam-policy");
    expect(detect("keys.json", "[]")).toBeNull();
  });

  it("reports a malformed export by field, without echoing its content", () => {
    const broken = gcloudJson("service-accounts.json").map((a, i) => (i === 1 ? { ...a, email: "not-an-address" } : a));
    expect(() => parse("sa.json", JSON.stringify(broken))).toThrow(/sa\.json: 1\.email/);
  });

  it("does not claim other connectors' fixture files", () => {
    const files = foreignFiles();
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) expect(detect(file.path, file.content), file.path).toBeNull();
  });

  it("stays the only match for its files among every other connector's formats, as keyward import sees them", () => {
    const others = [keywardConnector, peopleConnector, certificatesConnector, databaseRolesConnector, azureConnector];
    const all = [...others.flatMap((c) => c.formats), ...gcpConnector.formats];
    for (const file of gcloudFiles) {
      expect(detectFormat(inspectFile(file.path, file.content), all)?.format.id, file.path).toMatch(/^gcp\./);
    }
  });

  it("does not claim look-alikes: a Kubernetes list, an AWS policy document, an object with an etag and more", () => {
    expect(detect("k8s.json", JSON.stringify({ apiVersion: "v1", kind: "List", items: [] }))).toBeNull();
    expect(detect("aws.json", JSON.stringify({ Version: "2012-10-17", Statement: [] }))).toBeNull();
    expect(detect("bucket.json", JSON.stringify({ etag: "x", kind: "storage#bucket", name: "b" }))).toBeNull();
    expect(detect("names.json", JSON.stringify([{ name: "projects/p/serviceAccounts/x" }]))).toBeNull();
  });
});
