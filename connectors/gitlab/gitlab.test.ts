import { describe, expect, it } from "vitest";
import { expectHarnessPasses } from "../sdk";
import {
  INFRA,
  PAYMENTS,
  restFiles,
  restJson,
  ROOT_GROUP,
  SUBGROUP,
  VARIABLE_CANARIES,
  withContext,
} from "./__fixtures__/rest-files";
import { gitlabConnector } from "./index";

const project = { level: "project", ownerId: PAYMENTS, ownerPath: "acme/payments-api" };
/** A token value pasted into a saved listing (a "create access token" answer mixed in): dropped by the schema. */
const TOKEN_CANARY = "project-access-token-CANARY-9e4d2b7a1c05";
const group = { level: "group", ownerId: ROOT_GROUP, ownerPath: "acme" };

describe("gitlab connector", () => {
  it("passes the connector harness with live items and saved REST responses", async () => {
    await expectHarnessPasses(gitlabConnector, {
      fixtures: [
        {
          stream: "groups",
          items: [
            ...withContext([restJson<Record<string, unknown>>("groups/7/group.json")], { level: "group", ownerId: ROOT_GROUP }),
            ...withContext(restJson("groups/7/descendant_groups.json"), { level: "group", ownerId: SUBGROUP }),
          ],
        },
        { stream: "projects", items: withContext(restJson("groups/7/projects.json"), { level: "project", ownerId: INFRA }) },
        {
          stream: "project-variables",
          parent: { stream: "projects", id: PAYMENTS },
          items: withContext(
            [...restJson("projects/42/variables.json"), ...restJson("projects/42/variables-page-2.json")],
            project,
          ),
        },
        {
          stream: "group-variables",
          parent: { stream: "groups", id: ROOT_GROUP },
          items: withContext(restJson("groups/7/variables.json"), group),
        },
        {
          stream: "project-access-tokens",
          parent: { stream: "projects", id: PAYMENTS },
          items: withContext(
            [
              ...restJson("projects/42/access_tokens.json"),
              { ...restJson("groups/7/access_tokens.json")[0], id: 45, token: TOKEN_CANARY },
            ],
            project,
          ),
        },
        {
          stream: "group-access-tokens",
          parent: { stream: "groups", id: ROOT_GROUP },
          items: withContext(restJson("groups/7/access_tokens.json"), group),
        },
        {
          stream: "project-deploy-tokens",
          parent: { stream: "projects", id: PAYMENTS },
          items: withContext(restJson("projects/42/deploy_tokens.json"), project),
        },
        {
          stream: "group-deploy-tokens",
          parent: { stream: "groups", id: SUBGROUP },
          items: withContext(restJson("groups/8/deploy_tokens.json"), { level: "group", ownerId: SUBGROUP }),
        },
      ],
      files: restFiles,
      canaries: [...VARIABLE_CANARIES, TOKEN_CANARY],
    });
  });

  it("declares a read_api permission with the role needed for every stream", () => {
    const covered = new Set(gitlabConnector.permissions.map((p) => p.stream));
    expect([...covered].sort()).toEqual(gitlabConnector.streams.map((s) => s.name).sort());
    expect(
      gitlabConnector.permissions.every((p) =>
        /^read_api \((Guest|Maintainer|Owner) on the (group|project)\)$/.test(p.permission),
      ),
    ).toBe(true);
  });

  it("has one scope per distinct group, case-insensitively", async () => {
    const config = gitlabConnector.configSchema.parse({ groups: ["acme", 7, "ACME", "acme/platform"], token: "t" });
    const scopes = await gitlabConnector.scopes({ config } as Parameters<typeof gitlabConnector.scopes>[0]);
    expect(scopes.map((s) => s.id)).toEqual(["acme", "7", "acme/platform"]);
  });
});

describe("gitlab config", () => {
  const parse = (config: object) => gitlabConnector.configSchema.safeParse(config);

  it("defaults to gitlab.com and a PRIVATE-TOKEN, and keeps a self-managed host without its trailing slash", () => {
    const parsed = parse({ groups: ["acme"], token: "t" }).data;
    expect(parsed).toMatchObject({ host: "https://gitlab.com", tokenType: "private", includeSubgroups: true, perPage: 100 });
    expect(parse({ groups: ["acme"], token: "t", host: "https://gitlab.acme.example/" }).data?.host).toBe(
      "https://gitlab.acme.example",
    );
  });

  it("refuses a host given with the API path, no groups, or no token", () => {
    expect(parse({ groups: ["acme"], token: "t", host: "https://gitlab.acme.example/api/v4" }).success).toBe(false);
    expect(parse({ groups: [], token: "t" }).success).toBe(false);
    expect(parse({ groups: ["acme"] }).success).toBe(false);
    expect(parse({ groups: ["acme group"], token: "t" }).success).toBe(false);
  });
});
