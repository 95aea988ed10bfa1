import { describe, expect, it } from "vitest";
import {
  buildToyConnector,
  CANARIES,
  goodFiles,
  goodFixtures,
  keysJsonFormat,
  usersCsvFormat,
  type ToyKey,
  type ToyUser,
} from "./__fixtures__/toy-connector";
import type { AnyConnectorDefinition } from "./define-connector";
import { defineStream } from "./define-stream";
import { defineFormat } from "./formats";
import { expectHarnessPasses, HarnessFailedError, runConnectorHarness } from "./harness";
import type { HarnessOptions, HarnessViolationCode } from "./harness-types";
import type { KeywardRecordInput } from "./records";

const good: HarnessOptions = { fixtures: goodFixtures, files: goodFiles, canaries: CANARIES };

async function codes(definition: AnyConnectorDefinition, options: HarnessOptions = good): Promise<HarnessViolationCode[]> {
  const violations = await runConnectorHarness(definition, options);
  return [...new Set(violations.map((v) => v.code))];
}

const identityOf = (user: ToyUser): KeywardRecordInput => ({
  kind: "identity",
  externalType: "toy.user",
  externalId: user.id,
  name: user.name,
  type: "service_account",
});

describe("runConnectorHarness with the good toy connector", () => {
  it("passes: no violations for fixtures, export files and canaries", async () => {
    await expect(runConnectorHarness(buildToyConnector(), good)).resolves.toEqual([]);
    await expect(expectHarnessPasses(buildToyConnector(), good)).resolves.toBeUndefined();
  });
});

describe("runConnectorHarness catches", () => {
  it.each<[HarnessViolationCode, Parameters<typeof buildToyConnector>[0]]>([
    ["invalid_record", { users: { transform: (u) => [{ ...identityOf(u), type: "robot" } as unknown as KeywardRecordInput] } }],
    ["foreign_external_type", { users: { transform: (u) => [{ ...identityOf(u), externalType: "toy.api_key" }] } }],
    ["duplicate_record", { users: { transform: (u) => [identityOf(u), identityOf(u)] } }],
    [
      "nondeterministic_transform",
      (() => {
        let calls = 0;
        return { users: { transform: (u: ToyUser) => [{ ...identityOf(u), attributes: { call: calls++ } }] } };
      })(),
    ],
    [
      "mutated_input",
      {
        users: {
          item: undefined, // no schema: the transform gets the raw item itself
          transform: (raw: unknown) => {
            const user = raw as ToyUser & { seen?: boolean };
            user.seen = true;
            return [identityOf(user)];
          },
        },
      },
    ],
    [
      "canary_leaked",
      {
        keys: {
          transform: (k: ToyKey) => [
            {
              kind: "credential",
              externalType: "toy.api_key",
              externalId: k.id,
              name: k.id,
              type: "api_key",
              status: "active",
              attributes: { value: k.secret },
            },
          ],
        },
      },
    ],
    [
      "canary_leaked",
      {
        keys: {
          transform: (k: ToyKey) => [
            {
              kind: "credential",
              externalType: "toy.api_key",
              externalId: k.id,
              name: k.id,
              type: "api_key",
              status: "active",
              attributes: { b64: Buffer.from(k.secret).toString("base64") },
            },
          ],
        },
      },
    ],
    [
      "secret_like_value",
      { users: { transform: (u) => [{ ...identityOf(u), attributes: { key: "-----BEGIN PRIVATE KEY-----\nMIIEvQ" } }] } },
    ],
    [
      "secret_like_value",
      { users: { transform: (u) => [{ ...identityOf(u), tags: { token: "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789" } }] } },
    ],
    [
      "transform_threw",
      {
        users: {
          transform: () => {
            throw new Error("boom");
          },
        },
      },
    ],
    ["stream_without_external_types", { users: { externalTypes: [], transform: () => [] } }],
    [
      "format_unknown_stream",
      { formats: [defineFormat({ ...usersCsvFormat, parse: () => [{ stream: "orgs", items: [{}] }] }), keysJsonFormat] },
    ],
    ["format_unrecognised", { formats: [usersCsvFormat] }],
  ])("%s", async (code, overrides) => {
    expect(await codes(buildToyConnector(overrides))).toEqual([code]);
  });

  it("an item that fails the stream's item schema (transform_threw, naming the field)", async () => {
    const fixtures = [...goodFixtures, { stream: "users", items: [{ id: 7, name: "x", created: "2024-01-01T00:00:00Z" }] }];
    const violations = await runConnectorHarness(buildToyConnector(), { ...good, fixtures });
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ code: "transform_threw", where: "fixture 2 (users) item 0" });
    expect(violations[0]?.message).toContain("id:");
  });

  it("a file a format fails to parse (format_error)", async () => {
    const files = [...goodFiles, { path: "keys.json", content: '{"apiKeys": []}' }];
    expect(await codes(buildToyConnector(), { ...good, files })).toEqual(["format_error"]);
  });

  it("a canary that was never planted, fixtures for unknown streams, and untested streams", async () => {
    expect(await codes(buildToyConnector(), { ...good, canaries: [...CANARIES, "never-planted-canary-1234"] })).toEqual([
      "canary_not_planted",
    ]);
    const fixtures = [...goodFixtures, { stream: "orgs", items: [{}] }];
    expect(await codes(buildToyConnector(), { ...good, fixtures })).toEqual(["unknown_fixture_stream"]);
    const onlyUsers = { fixtures: goodFixtures.slice(0, 1), canaries: [] };
    expect(await codes(buildToyConnector(), onlyUsers)).toEqual(["stream_without_fixtures"]);
  });

  it("secret fields missing from the config schema and duplicate format ids (hand-built definitions)", async () => {
    const base = buildToyConnector();
    const badSecret = { ...base, secretFields: ["apiToken", "password"] } as AnyConnectorDefinition;
    expect(await codes(badSecret)).toEqual(["unknown_secret_field"]);
    const sameId = defineFormat({ ...usersCsvFormat, detect: () => false });
    const dupFormats = { ...base, formats: [usersCsvFormat, keysJsonFormat, sameId] } as AnyConnectorDefinition;
    expect(await codes(dupFormats)).toEqual(["duplicate_format"]);
    const dupTypes = {
      ...base,
      streams: [
        ...base.streams,
        defineStream({ name: "more-users", externalTypes: ["toy.user"], list: async () => ({ items: [] }), transform: () => [] }),
      ],
    } as AnyConnectorDefinition;
    expect(await codes(dupTypes, { ...good, fixtures: [...goodFixtures, { stream: "more-users", items: [{}] }] })).toEqual([
      "duplicate_external_type",
    ]);
  });
});

describe("expectHarnessPasses", () => {
  it("throws HarnessFailedError listing every violation", async () => {
    const bad = buildToyConnector({ users: { transform: (u) => [identityOf(u), identityOf(u)] } });
    const error = await expectHarnessPasses(bad, good).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HarnessFailedError);
    expect((error as HarnessFailedError).violations.length).toBeGreaterThan(0);
    expect((error as Error).message).toContain("[duplicate_record]");
  });
});
