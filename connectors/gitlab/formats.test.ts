import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { githubConnector } from "../github";
import { detectFormat, FormatError, inspectFile, type AnyConnectorDefinition } from "../sdk";
import { restFiles } from "./__fixtures__/rest-files";
import { environmentOf } from "./config";
import { ownerOfPath } from "./formats/import-path";
import { gitlabFormats } from "./formats/rest-formats";
import { gitlabConnector } from "./index";

const detect = (path: string, content: string) => detectFormat(inspectFile(path, content), gitlabFormats);
const formatOf = (path: string, content: string) => detect(path, content)?.format.id;
const parse = (path: string, content: string) => {
  const detected = detect(path, content);
  if (!detected) throw new Error(`no format for ${path}`);
  return detected.format.parse(inspectFile(path, content));
};

describe("gitlab REST formats", () => {
  it("recognises every saved response by its content", () => {
    const ids = Object.fromEntries(restFiles.map((file) => [file.path, formatOf(file.path, file.content)]));
    expect(ids).toEqual({
      "groups/7/access_tokens.json": "gitlab.rest-access-tokens",
      "groups/7/descendant_groups.json": "gitlab.rest-groups",
      "groups/7/group.json": "gitlab.rest-groups",
      "groups/7/projects.json": "gitlab.rest-projects",
      "groups/7/variables.json": "gitlab.rest-variables",
      "groups/8/deploy_tokens.json": "gitlab.rest-deploy-tokens",
      "projects/42/access_tokens.json": "gitlab.rest-access-tokens",
      "projects/42/deploy_tokens.json": "gitlab.rest-deploy-tokens",
      "projects/42/variables-page-2.json": "gitlab.rest-variables",
      "projects/42/variables.json": "gitlab.rest-variables",
    });
  });

  it("recognises a response by content whatever the file is called", () => {
    const variables = restFiles.find((f) => f.path === "projects/42/variables.json")!.content;
    expect(formatOf("exports/projects/42/ci-vars-2026-12-01.json", variables)).toBe("gitlab.rest-variables");
  });

  it("takes the owner of variables and tokens from the path, the innermost groups/<id> or projects/<id>", () => {
    const variables = restFiles.find((f) => f.path === "groups/7/variables.json")!.content;
    const [batch] = parse("backup/projects/99/groups/7/variables.json", variables);
    expect(batch).toMatchObject({ stream: "group-variables", parent: { stream: "groups", id: "7" } });
    expect(batch?.items.every((item) => (item as { keyward: object }).keyward)).toBe(true);
    expect((batch?.items[0] as { keyward: object }).keyward).toEqual({ level: "group", ownerId: "7" });
    const tokens = restFiles.find((f) => f.path === "projects/42/access_tokens.json")!.content;
    expect(parse("projects/42/access_tokens.json", tokens)[0]).toMatchObject({
      stream: "project-access-tokens",
      parent: { stream: "projects", id: "42" },
    });
  });

  it("combines pages saved as separate files: each names the same parent", () => {
    const pages = restFiles.filter((f) => f.path.startsWith("projects/42/variables"));
    const batches = pages.flatMap((file) => parse(file.path, file.content));
    expect(new Set(batches.map((b) => JSON.stringify(b.parent)))).toEqual(
      new Set([JSON.stringify({ stream: "projects", id: "42" })]),
    );
    expect(batches.flatMap((b) => b.items)).toHaveLength(4);
  });

  it("refuses a variables file whose path names no group or project id, without echoing content", () => {
    const variables = restFiles.find((f) => f.path === "projects/42/variables.json")!.content;
    let error: unknown;
    try {
      parse("acme/payments-api/variables.json", variables);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FormatError);
    expect(String((error as Error).message)).toMatch(/projects\/<id>\/variables\.json/);
    expect(JSON.stringify(error)).not.toContain("glvar-CANARY");
    expect(ownerOfPath("projects/acme%2Fapi/variables.json")).toBeUndefined();
  });

  it("recognises nothing in an empty list or an unrelated JSON file", () => {
    expect(detect("projects/42/variables.json", "[]")).toBeNull();
    expect(detect("package.json", JSON.stringify({ name: "x", version: "1.0.0" }))).toBeNull();
  });

  it("registers the formats in this order", () => {
    expect(gitlabConnector.formats.map((f) => f.id)).toEqual([
      "gitlab.rest-groups",
      "gitlab.rest-projects",
      "gitlab.rest-variables",
      "gitlab.rest-access-tokens",
      "gitlab.rest-deploy-tokens",
    ]);
  });
});

/** Every fixture file of the other connectors, with its path under the connector's __fixtures__. */
function foreignFiles(): { path: string; content: string }[] {
  const root = fileURLToPath(new URL("../", import.meta.url));
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== "gitlab" && entry.name !== "sdk")
    .flatMap((entry) => {
      const dir = join(root, entry.name, "__fixtures__");
      try {
        return readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((file) => file.isFile() && /\.(json|csv|txt|pem|ya?ml)$/.test(file.name))
          .map((file) => ({
            path: join(file.parentPath, file.name).slice(dir.length + 1),
            content: readFileSync(join(file.parentPath, file.name), "utf8"),
          }));
      } catch {
        return [];
      }
    });
}

describe("gitlab formats among the other connectors", () => {
  it("claims no other connector's fixture file", () => {
    const files = foreignFiles();
    expect(files.length).toBeGreaterThan(20);
    const claimed = files.filter((file) => detect(file.path, file.content) !== null).map((file) => file.path);
    expect(claimed).toEqual([]);
  });

  it("is not claimed by the look-alike GitHub formats", () => {
    const github = githubConnector as AnyConnectorDefinition;
    const claimed = restFiles.filter((file) => detectFormat(inspectFile(file.path, file.content), github.formats) !== null);
    expect(claimed.map((file) => file.path)).toEqual([]);
  });
});

describe("gitlab environment map", () => {
  const config = { environments: { acme: "prod", "acme/platform": "platform", "ACME/Sandbox": "dev" } };

  it("takes the longest configured ancestor path, case-insensitively", () => {
    expect(environmentOf(config, "acme/payments-api")).toBe("prod");
    expect(environmentOf(config, "acme/platform/infra")).toBe("platform");
    expect(environmentOf(config, "acme/sandbox")).toBe("dev");
    expect(environmentOf(config, "other/x")).toBeUndefined();
    expect(environmentOf(config, undefined)).toBeUndefined();
    expect(environmentOf(config, "acme-labs/x")).toBeUndefined();
  });
});
