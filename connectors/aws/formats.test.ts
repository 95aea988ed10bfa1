import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { detectFormat, FormatError, inspectFile } from "../sdk";
import { issue } from "../certificates/__fixtures__/test-pki";
import { cliFile, cliFiles } from "./__fixtures__/cli-files";
import { awsConnector } from "./index";

/** Every file of another connector's __fixtures__ folder (JSON/CSV exports), if that folder exists. */
function foreignFixtures(connector: string): { path: string; content: Buffer }[] {
  const root = fileURLToPath(new URL(`../${connector}/__fixtures__/`, import.meta.url));
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(json|csv|txt)$/.test(entry.name))
    .map((entry) => {
      const full = `${entry.parentPath}/${entry.name}`;
      return { path: `${connector}/${full.slice(root.length)}`, content: readFileSync(full) };
    });
}

const detectedId = (path: string, content: string | Uint8Array) => detectFormat(inspectFile(path, content), awsConnector.formats)?.format.id;

describe("aws offline formats", () => {
  it("recognises each CLI export by its content", () => {
    expect(Object.fromEntries(cliFiles.map((f) => [f.path, detectedId(f.path, f.content)]))).toEqual({
      "123456789012/credential-report.csv": "aws.iam-credential-report",
      "123456789012/list-access-keys/legacy-batch.json": "aws.iam-list-access-keys",
      "123456789012/list-access-keys/svc-deployer.json": "aws.iam-list-access-keys",
      "123456789012/list-roles.json": "aws.iam-list-roles",
      "123456789012/list-user-tags/svc-deployer.json": "aws.iam-list-user-tags",
      "123456789012/sts-get-caller-identity.json": "aws.sts-get-caller-identity",
      "123456789012/us-east-1/acm-describe-certificate.json": "aws.acm-describe-certificate",
      "123456789012/us-east-1/acm-list-certificates.json": "aws.acm-list-certificates",
      "123456789012/us-east-1/secretsmanager-list-secrets.json": "aws.secretsmanager-list-secrets",
      "210987654321/get-credential-report.json": "aws.iam-get-credential-report",
    });
  });

  it("recognises content, not names: a renamed file is still what it is", () => {
    const roles = cliFiles.find((f) => f.path.endsWith("list-roles.json"))!;
    expect(detectedId("exports/whatever.txt", roles.content)).toBe("aws.iam-list-roles");
  });

  it("claims no file of the other connectors (keyward, people, azure, gcp, certificates)", async () => {
    const foreign = ["keyward", "people", "azure", "gcp"].flatMap(foreignFixtures);
    expect(foreign.length).toBeGreaterThanOrEqual(6);
    const { pem, der } = await issue({ cn: "www.example.com" });
    foreign.push({ path: "certs/www.pem", content: Buffer.from(pem) }, { path: "certs/www.der", content: der });
    for (const file of foreign) expect(detectedId(file.path, file.content), file.path).toBeUndefined();
  });

  it("leaves a bare { Tags } file alone unless its path names a user (list-role-tags prints the same)", () => {
    const tags = JSON.stringify({ Tags: [{ Key: "team", Value: "orders" }] });
    expect(detectedId("123456789012/list-role-tags/orders-worker.json", tags)).toBeUndefined();
    expect(detectedId("123456789012/users/svc-deployer/tags.json", tags)).toBe("aws.iam-list-user-tags");
  });

  it("refuses list-access-keys and list-user-tags outside an account folder, naming the fix", () => {
    const keys = cliFiles.find((f) => f.path.endsWith("svc-deployer.json") && f.path.includes("access-keys"))!;
    const file = inspectFile("list-access-keys/svc-deployer.json", keys.content);
    const format = detectFormat(file, awsConnector.formats)!.format;
    expect(() => format.parse(file)).toThrow(FormatError);
    expect(() => format.parse(file)).toThrow(/folder named after the 12-digit account id/);
  });

  it("names the line of a malformed credential report row, without quoting it", () => {
    const good = cliFile("123456789012/credential-report.csv").text;
    const broken = good.replace("bob,arn:aws:iam::123456789012:user/bob,", "bob,");
    const file = inspectFile("report.csv", broken);
    const format = detectFormat(file, awsConnector.formats)!.format;
    let caught: unknown;
    try {
      format.parse(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FormatError);
    expect(caught).toMatchObject({ line: 6, reason: "expected 22 columns, found 21" });
    expect(String((caught as Error).message)).not.toContain("arn:aws:iam");
  });

  it("parses list-access-keys into one batch per user, parented by the user", () => {
    const file = cliFile("123456789012/list-access-keys/svc-deployer.json");
    const batches = detectFormat(file, awsConnector.formats)!.format.parse(file);
    expect(batches.map((b) => [b.stream, b.parent, b.items.length])).toEqual([["access-keys", { stream: "users", id: "svc-deployer" }, 2]]);
  });
});
