import { z } from "zod";
import { describe, expect, it } from "vitest";
import { buildToyConnector, keysOptions, toyConfigSchema, usersOptions, usersCsvFormat } from "./__fixtures__/toy-connector";
import { defineConnector, type AnyConnectorDefinition, type ConnectorOptions } from "./define-connector";
import { defineStream } from "./define-stream";
import { ConnectorDefinitionError, ItemParseError } from "./errors";
import { createFingerprinter } from "./fingerprint";

type ToyOptions = ConnectorOptions<typeof toyConfigSchema>;

const baseOptions = (): ToyOptions => ({
  provider: "toy",
  displayName: "Toy",
  configSchema: toyConfigSchema,
  secretFields: ["apiToken"],
  permissions: [],
  check: async () => ({ ok: true, detail: "ok" }),
  scopes: async () => [],
  streams: [defineStream(usersOptions), defineStream(keysOptions)],
});

const codeOf = (build: () => unknown): string | undefined => {
  try {
    build();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectorDefinitionError);
    return (error as ConnectorDefinitionError).code;
  }
};

describe("defineConnector", () => {
  it("returns a frozen definition with frozen lists", () => {
    const definition = buildToyConnector();
    expect(Object.isFrozen(definition)).toBe(true);
    expect(Object.isFrozen(definition.streams)).toBe(true);
    expect(Object.isFrozen(definition.permissions[0])).toBe(true);
    expect(Object.isFrozen(definition.streams[0])).toBe(true);
    expect(definition.streams.map((s) => s.name)).toEqual(["users", "keys"]);
    expect(definition.formats.map((f) => f.id)).toEqual(["toy.users-csv", "toy.keys-json"]);
    // A registry can hold connectors with different config types.
    const registry: AnyConnectorDefinition[] = [definition];
    expect(registry).toHaveLength(1);
  });

  it.each<[string, (o: ToyOptions) => ToyOptions]>([
    ["invalid_provider", (o) => ({ ...o, provider: "AWS Cloud" })],
    ["invalid_config_schema", (o) => ({ ...o, configSchema: z.string() as unknown as typeof toyConfigSchema })],
    ["unknown_secret_field", (o) => ({ ...o, secretFields: ["password" as "apiToken"] })],
    [
      "duplicate_stream",
      (o) => ({ ...o, streams: [defineStream(usersOptions), defineStream({ ...keysOptions, name: "users" })] }),
    ],
    [
      "duplicate_external_type",
      (o) => ({ ...o, streams: [defineStream(usersOptions), defineStream({ ...keysOptions, externalTypes: ["toy.user"] })] }),
    ],
    [
      "unknown_parent_stream",
      (o) => ({ ...o, streams: [defineStream(usersOptions), defineStream({ ...keysOptions, parent: "orgs" })] }),
    ],
    [
      "missing_parent_key",
      (o) => ({ ...o, streams: [defineStream({ ...usersOptions, parentKey: undefined }), defineStream(keysOptions)] }),
    ],
    [
      "parent_cycle",
      (o) => ({
        ...o,
        streams: [
          defineStream({ ...usersOptions, parent: "keys" }),
          defineStream({ ...keysOptions, parentKey: (k) => ({ id: k.id }) }),
        ],
      }),
    ],
    [
      "config_schema_mismatch",
      (o) => ({
        ...o,
        streams: [defineStream({ ...usersOptions, config: z.object({ baseUrl: z.url(), apiToken: z.string() }) })],
      }),
    ],
    ["unknown_permission_stream", (o) => ({ ...o, permissions: [{ stream: "orgs", permission: "orgs:read", why: "x" }] })],
    ["duplicate_format", (o) => ({ ...o, formats: [usersCsvFormat, usersCsvFormat] })],
  ])("refuses a definition with %s", (code, mutate) => {
    expect(codeOf(() => defineConnector(mutate(baseOptions())))).toBe(code);
  });

  it("accepts the unmodified options (so each refusal above is caused by its change)", () => {
    expect(codeOf(() => defineConnector(baseOptions()))).toBeUndefined();
  });
});

describe("defineStream", () => {
  it("validates names and external types at definition time", () => {
    expect(codeOf(() => defineStream({ ...usersOptions, name: "Users!" }))).toBe("invalid_stream");
    expect(codeOf(() => defineStream({ ...usersOptions, externalTypes: ["User"] }))).toBe("invalid_external_type");
  });

  it("parses raw items with the item schema before transform and parentKey", () => {
    const stream = defineStream(usersOptions);
    const ctx = { scope: { id: "s", label: "s" }, parent: undefined, fingerprint: createFingerprinter(Buffer.alloc(32, 1)) };
    expect(stream.parentKey?.({ id: "u1", name: "bot", created: "2024-01-01T00:00:00Z" })).toEqual({ id: "u1", name: "bot" });
    const error = (() => {
      try {
        stream.transform({ id: 42, name: "bot", created: "x" }, ctx);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ItemParseError);
    expect((error as ItemParseError).issues[0]?.path).toBe("id");
  });
});
