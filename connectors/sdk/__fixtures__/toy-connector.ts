import { z } from "zod";
import { defineConnector } from "../define-connector";
import { defineStream, type StreamOptions } from "../define-stream";
import { maskHint } from "../fingerprint";
import { defineFormat, FormatError, parseFileWith } from "../formats";
import type { FormatDefinition } from "../format-types";
import type { HarnessFile, HarnessFixture } from "../harness-types";
import type { KeywardRecordInput } from "../records";

/*
 * A small connector in the shape real providers follow (a parent stream of users, a child
 * stream of their API keys, a CSV and a JSON export format). Tests derive broken variants from
 * it by replacing one part, so each harness check is shown to fire on exactly its violation.
 */

export const toyConfigSchema = z.object({ baseUrl: z.url(), apiToken: z.string().min(1) });
type ToyConfig = z.output<typeof toyConfigSchema>;

/** Fake secrets planted in the fixtures; none may reach a record. */
export const CANARIES = ["toy_sk_live_5f2c9a7e1b3d4c6a8e0f2b4d6c8a0e1f", "toy_sk_live_0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d"] as const;

const userSchema = z.object({ id: z.string(), name: z.string(), owner: z.string().optional(), created: z.string() });
export type ToyUser = z.output<typeof userSchema>;
const keySchema = z.object({ id: z.string(), secret: z.string(), created: z.string(), revoked: z.boolean() });
export type ToyKey = z.output<typeof keySchema>;

export const usersOptions: StreamOptions<ToyConfig, ToyUser> = {
  name: "users",
  externalTypes: ["toy.user"],
  item: userSchema,
  config: toyConfigSchema,
  parentKey: (user) => ({ id: user.id, name: user.name }),
  async list({ ctx, cursor }) {
    const page = await ctx.http.json(`${ctx.config.baseUrl}/users?cursor=${cursor ?? ""}`);
    return { items: (page.data as { users: unknown[] }).users };
  },
  transform: (user): KeywardRecordInput[] => [
    {
      kind: "identity",
      externalType: "toy.user",
      externalId: user.id,
      name: user.name,
      type: "service_account",
      createdAt: user.created,
      ...(user.owner ? { ownerHint: { email: user.owner, provenance: "toy.owner" } } : {}),
    },
  ],
};

export const keysOptions: StreamOptions<ToyConfig, ToyKey> = {
  name: "keys",
  externalTypes: ["toy.api_key"],
  item: keySchema,
  parent: "users",
  async list({ ctx, parent }) {
    const page = await ctx.http.json(`${ctx.config.baseUrl}/users/${parent?.id}/keys`);
    return { items: page.data as unknown[] };
  },
  transform: (key, { parent, fingerprint }): KeywardRecordInput[] => {
    const owner = { externalType: "toy.user", externalId: parent?.id ?? "unknown" };
    const ref = { externalType: "toy.api_key", externalId: key.id };
    return [
      {
        kind: "credential",
        ...ref,
        name: key.id,
        type: "api_key",
        status: key.revoked ? "revoked" : "active",
        createdAt: key.created,
        identityRef: owner,
        fingerprint: fingerprint(key.secret),
        maskedHint: maskHint(key.secret),
      },
      { kind: "edge", type: "has_credential", from: owner, to: ref },
    ];
  },
};

export const usersCsvFormat: FormatDefinition = defineFormat({
  id: "toy.users-csv",
  description: "Toy admin console user export (CSV)",
  detect: (file) => file.csvHeader?.join(",") === "id,name,owner,created",
  parse: (file) => {
    const rows = file.text.trim().split(/\r?\n/).slice(1);
    const items = rows.map((row, index) => {
      const [id, name, owner, created] = row.split(",");
      if (!id || !name || !created)
        throw new FormatError("parse_failed", { file: file.path, line: index + 2, reason: "missing column" });
      return { id, name, ...(owner ? { owner } : {}), created };
    });
    return [{ stream: "users", items }];
  },
});

export const keysJsonFormat: FormatDefinition = defineFormat({
  id: "toy.keys-json",
  description: "Toy API response GET /users/{id}/keys, saved as keys/<user id>.json",
  detect: (file) => (typeof file.json === "object" && file.json !== null && "apiKeys" in file.json ? 0.9 : false),
  parse: (file) => {
    const userId = /(?:^|\/)keys\/([^/]+)\.json$/.exec(file.path)?.[1];
    if (!userId) throw new FormatError("parse_failed", { file: file.path, reason: "path must be keys/<user id>.json" });
    const { apiKeys } = parseFileWith(file, z.object({ apiKeys: z.array(z.unknown()) }));
    return [{ stream: "keys", items: apiKeys, parent: { stream: "users", id: userId } }];
  },
});

/** The good connector, or a variant with some parts replaced. */
export function buildToyConnector(
  overrides: {
    users?: Partial<StreamOptions<ToyConfig, ToyUser>>;
    keys?: Partial<StreamOptions<ToyConfig, ToyKey>>;
    formats?: FormatDefinition[];
  } = {},
) {
  return defineConnector({
    provider: "toy",
    displayName: "Toy provider",
    configSchema: toyConfigSchema,
    secretFields: ["apiToken"],
    permissions: [
      { stream: "users", permission: "users:read", why: "list service users" },
      { stream: "keys", permission: "keys:read-metadata", why: "list key metadata, never values" },
    ],
    check: async () => ({ ok: true, detail: "reachable" }),
    scopes: async () => [{ id: "default", label: "Default org" }],
    streams: [defineStream({ ...usersOptions, ...overrides.users }), defineStream({ ...keysOptions, ...overrides.keys })],
    formats: overrides.formats ?? [usersCsvFormat, keysJsonFormat],
  });
}

export const goodFixtures: HarnessFixture[] = [
  {
    stream: "users",
    items: [
      { id: "u1", name: "deploy-bot", owner: "Alice@Example.com", created: "2024-01-01T00:00:00Z", note: "ignored" },
      { id: "u2", name: "backup-bot", created: "2023-06-30T08:00:00+02:00" },
    ],
  },
  {
    stream: "keys",
    parent: { stream: "users", id: "u1", name: "deploy-bot" },
    items: [{ id: "k1", secret: CANARIES[0], created: "2024-02-01T00:00:00Z", revoked: false }],
  },
];

export const goodFiles: HarnessFile[] = [
  { path: "exports/users.csv", content: "id,name,owner,created\nu3,ci-bot,bob@example.com,2024-03-01T00:00:00Z\n" },
  {
    path: "exports/keys/u3.json",
    content: JSON.stringify({ apiKeys: [{ id: "k9", secret: CANARIES[1], created: "2024-03-02T00:00:00Z", revoked: true }] }),
  },
];
