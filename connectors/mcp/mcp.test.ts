import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  createFingerprinter,
  detectFormat,
  expectHarnessPasses,
  HARNESS_SCOPE,
  inspectFile,
  type KeywardRecordInput,
} from "../sdk";
import { terraformConnector } from "../terraform";
import { mcpConnector } from ".";

const fixture = (name: string, dir = "./__fixtures__/") => readFileSync(new URL(`${dir}${name}`, import.meta.url), "utf8");
const fingerprint = createFingerprinter(Buffer.alloc(32, 9));
const ctx = { scope: HARNESS_SCOPE, parent: undefined, fingerprint };

/** Fixture file → the path it has in a repository. */
const FILES = {
  "claude_desktop_config.json": "claude_desktop_config.json",
  "claude-code.mcp.json": "repo/.mcp.json",
  "cursor.mcp.json": "repo/.cursor/mcp.json",
  "vscode.mcp.json": "repo/.vscode/mcp.json",
} as const;

const MCP_CANARIES = [
  "ghp_MCPcanaryDesktop0123456789abcdefABCD",
  "mcp-canary-pg-pass-77",
  "mcp-canary-bearer-literal-abc123XYZ",
  "sk-shared-canary-4f9d2c7a1b3e8f60",
  "sk_live_MCPcanaryStripe0123456789",
  "xoxb-mcp-canary-1234567890-abcdefABCDEF",
  "mcp-canary-query-key-998877",
  "mcp-canary-vscode-header-key-5544",
  "mcp-canary-cli-token-value-3322",
];

function recordsOf(
  text: string,
  path: string,
  formats = mcpConnector.formats,
  stream = mcpConnector.streams[0]!,
): KeywardRecordInput[] {
  const file = inspectFile(path, text);
  const detected = detectFormat(file, formats);
  if (!detected) throw new Error("not recognised");
  return detected.format.parse(file).flatMap((batch) => batch.items.flatMap((item) => stream.transform(item, ctx)));
}
const load = (name: keyof typeof FILES) => recordsOf(fixture(name), FILES[name]);

type Credential = Extract<KeywardRecordInput, { kind: "credential" }>;
type Identity = Extract<KeywardRecordInput, { kind: "identity" }>;
const credentials = (records: KeywardRecordInput[]) => records.filter((r): r is Credential => r.kind === "credential");
const identities = (records: KeywardRecordInput[]) => records.filter((r): r is Identity => r.kind === "identity");
const named = (records: KeywardRecordInput[], name: string) => {
  const found = credentials(records).find((r) => r.name === name);
  if (!found) throw new Error(`no credential ${name}`);
  return found;
};

describe("mcp connector", () => {
  it("passes the connector harness", async () => {
    const item = {
      path: "repo/.mcp.json",
      client: "claude-code",
      serversAt: ["mcpServers"],
      servers: JSON.parse(fixture("claude-code.mcp.json")).mcpServers as unknown,
    };
    await expectHarnessPasses(mcpConnector, {
      fixtures: [{ stream: "configs", items: [item] }],
      files: Object.entries(FILES).map(([name, path]) => ({ path, content: fixture(name) })),
      canaries: MCP_CANARIES,
    });
  });

  it("never lets a planted secret reach a record", () => {
    const json = JSON.stringify((Object.keys(FILES) as (keyof typeof FILES)[]).flatMap(load));
    for (const canary of MCP_CANARIES) expect(json).not.toContain(canary);
  });

  it("recognises each client's file by content, names the client from the file name", () => {
    const detected = Object.entries(FILES).map(([name, path]) => {
      const found = detectFormat(inspectFile(path, fixture(name)), mcpConnector.formats);
      return [path, found?.format.id];
    });
    expect(detected).toEqual([
      ["claude_desktop_config.json", "mcp.mcp-servers-config"],
      ["repo/.mcp.json", "mcp.mcp-servers-config"],
      ["repo/.cursor/mcp.json", "mcp.mcp-servers-config"],
      ["repo/.vscode/mcp.json", "mcp.vscode-config"],
    ]);
    expect(identities(load("cursor.mcp.json"))[0]?.attributes).toMatchObject({ client: "cursor" });
    expect(identities(load("claude_desktop_config.json"))[0]?.attributes).toMatchObject({ client: "claude-desktop" });
    // Content decides; an unknown name only lowers the confidence.
    expect(detectFormat(inspectFile("configs/agent.json", fixture("cursor.mcp.json")), mcpConnector.formats)?.confidence).toBe(
      0.9,
    );
    expect(detectFormat(inspectFile("x/servers.json", '{"servers": {"db": {"host": "a"}}}'), mcpConnector.formats)).toBeNull();
    expect(detectFormat(inspectFile("x/mcp.json", '{"mcpServers": {"a": "b"}}'), mcpConnector.formats)).toBeNull();
  });

  it("makes each server an mcp_server identity with its transport, command and scrubbed arguments", () => {
    const servers = identities(load("claude_desktop_config.json"));
    expect(servers.map((s) => s.name)).toEqual(["github", "filesystem", "postgres"]);
    expect(servers[0]).toEqual({
      kind: "identity",
      externalType: "mcp.server",
      externalId: "claude_desktop_config.json#/mcpServers/github",
      name: "github",
      type: "mcp_server",
      status: "active",
      isHuman: false,
      attributes: {
        client: "claude-desktop",
        file: "claude_desktop_config.json",
        jsonPointer: "/mcpServers/github",
        transport: "stdio",
        command: "npx",
        args: ["-y", "@modelcontextprotocol/server-github"],
        package: "@modelcontextprotocol/server-github",
        envKeys: ["GITHUB_PERSONAL_ACCESS_TOKEN"],
      },
    });
    expect(servers[2]?.attributes?.args).toEqual(["-y", "@modelcontextprotocol/server-postgres", "<secret>"]);
    const remote = identities(load("cursor.mcp.json")).find((s) => s.name === "remote");
    expect(remote).toMatchObject({ status: "inactive", attributes: { transport: "sse", url: "https://mcp.example.com/sse" } });
    expect(identities(load("claude-code.mcp.json")).map((s) => [s.name, s.attributes?.transport])).toEqual([
      ["sentry", "http"],
      ["linear", "sse"],
      ["internal-api", "http"],
      ["shared", "stdio"],
    ]);
  });

  it("fingerprints literal env secrets and locates them by file and JSON pointer", () => {
    const records = load("claude_desktop_config.json");
    const token = named(records, "github GITHUB_PERSONAL_ACCESS_TOKEN");
    expect(token).toEqual({
      kind: "credential",
      externalType: "mcp.env_secret",
      externalId: "claude_desktop_config.json#/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN",
      name: "github GITHUB_PERSONAL_ACCESS_TOKEN",
      type: "pat",
      identityRef: { externalType: "mcp.server", externalId: "claude_desktop_config.json#/mcpServers/github" },
      status: "active",
      fingerprint: fingerprint("ghp_MCPcanaryDesktop0123456789abcdefABCD"),
      maskedHint: "ghp_…",
      locations: [{ source: "mcp_config", path: "claude_desktop_config.json" }],
      attributes: {
        server: "github",
        jsonPointer: "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN",
        in: "env",
        variable: "GITHUB_PERSONAL_ACCESS_TOKEN",
        detectedBy: "token shape",
      },
    });
    expect(records).toContainEqual({
      kind: "edge",
      type: "has_credential",
      from: token.identityRef,
      to: { externalType: token.externalType, externalId: token.externalId },
    });
    // A password in a connection-string argument: only the password is fingerprinted.
    expect(named(records, "postgres argument 2")).toMatchObject({
      type: "password",
      fingerprint: fingerprint("mcp-canary-pg-pass-77"),
      attributes: { in: "args", jsonPointer: "/mcpServers/postgres/args/2", detectedBy: "password in URL" },
    });
  });

  it("fingerprints the token of an Authorization: Bearer <literal> header, not the scheme", () => {
    const header = named(load("claude-code.mcp.json"), "sentry Authorization");
    expect(header).toMatchObject({
      type: "token",
      status: "active",
      fingerprint: fingerprint("mcp-canary-bearer-literal-abc123XYZ"),
      attributes: { in: "headers", scheme: "Bearer", jsonPointer: "/mcpServers/sentry/headers/Authorization" },
    });
  });

  it("records references as inherited credentials by name, without a fingerprint; ignores non-secrets", () => {
    const records = load("claude-code.mcp.json");
    const names = credentials(records).map((c) => c.name);
    expect(names).toEqual(["sentry Authorization", "internal-api Authorization", "shared OPENAI_API_KEY", "shared DB_PASSWORD"]);
    const inherited = named(records, "internal-api Authorization");
    expect(inherited).toMatchObject({
      status: "unknown",
      attributes: { inherited: true, references: ["API_KEY"], scheme: "Bearer" },
    });
    expect(inherited).not.toHaveProperty("fingerprint");
    expect(inherited).not.toHaveProperty("maskedHint");
    expect(named(records, "shared DB_PASSWORD")).toMatchObject({ type: "password", attributes: { references: ["DB_PASSWORD"] } });

    const cursor = load("cursor.mcp.json");
    expect(named(cursor, "brave-search BRAVE_API_KEY")).toMatchObject({
      type: "api_key",
      attributes: { references: ["env:BRAVE_API_KEY"] },
    });
    expect(credentials(cursor).map((c) => c.name)).not.toContain("slack SLACK_TEAM_ID");

    const vscode = load("vscode.mcp.json");
    expect(named(vscode, "perplexity PERPLEXITY_API_KEY")).toMatchObject({
      status: "unknown",
      attributes: { references: ["input:perplexity-key"], inputDescriptions: ["Perplexity API Key"] },
    });
  });

  it("finds secrets passed as arguments, URL parameters and custom headers", () => {
    const cursor = load("cursor.mcp.json");
    expect(named(cursor, "stripe --api-key")).toMatchObject({
      type: "api_key",
      fingerprint: fingerprint("sk_live_MCPcanaryStripe0123456789"),
    });
    expect(identities(cursor).find((s) => s.name === "stripe")?.attributes?.args).toEqual([
      "-y",
      "@stripe/mcp",
      "--tools=all",
      "--api-key=<secret>",
    ]);
    expect(named(cursor, "remote api_key")).toMatchObject({
      externalId: "repo/.cursor/mcp.json#/mcpServers/remote/url?api_key",
      fingerprint: fingerprint("mcp-canary-query-key-998877"),
      attributes: { urlParameter: "api_key", in: "url" },
    });
    expect(credentials(cursor).map((c) => c.name)).not.toContain("remote team");
    const vscode = load("vscode.mcp.json");
    expect(named(vscode, "github X-Api-Key")).toMatchObject({
      type: "api_key",
      fingerprint: fingerprint("mcp-canary-vscode-header-key-5544"),
    });
    expect(named(vscode, "cli --token")).toMatchObject({
      type: "token",
      fingerprint: fingerprint("mcp-canary-cli-token-value-3322"),
    });
    expect(identities(vscode).find((s) => s.name === "cli")?.attributes).toMatchObject({
      args: ["--token", "<secret>", "--verbose"],
      envFile: "${workspaceFolder}/.env",
    });
    expect(identities(vscode).map((s) => s.attributes?.client)).toEqual(["vscode", "vscode", "vscode", "vscode"]);
  });

  it('reads VS Code settings.json servers under "mcp", with their pointer', () => {
    const settings = JSON.stringify({
      "editor.fontSize": 14,
      mcp: { servers: { db: { type: "stdio", command: "db-mcp", env: { DB_TOKEN: "mcp-settings-literal-token-1234" } } } },
    });
    const records = recordsOf(settings, ".vscode/settings.json");
    expect(identities(records).map((s) => s.externalId)).toEqual([".vscode/settings.json#/mcp/servers/db"]);
    expect(named(records, "db DB_TOKEN")).toMatchObject({
      externalId: ".vscode/settings.json#/mcp/servers/db/env/DB_TOKEN",
      fingerprint: fingerprint("mcp-settings-literal-token-1234"),
    });
    expect(JSON.stringify(records)).not.toContain("mcp-settings-literal-token-1234");
  });

  it("gives the same literal secret in a Terraform state and in an MCP config equal fingerprints", () => {
    const mcp = named(load("claude-code.mcp.json"), "shared OPENAI_API_KEY");
    const state = recordsOf(
      fixture("credentials.tfstate", "../terraform/__fixtures__/"),
      "infra/prod.tfstate",
      terraformConnector.formats,
      terraformConnector.streams[0]!,
    );
    const terraform = named(state, "aws_secretsmanager_secret_version.api.secret_string");
    expect(mcp.fingerprint).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    expect(terraform.fingerprint).toBe(mcp.fingerprint);
    // And a bearer header holding that value would match too: the scheme is not fingerprinted.
    const header = recordsOf(
      '{"mcpServers": {"x": {"url": "https://h.example/mcp", "headers": {"Authorization": "Bearer sk-shared-canary-4f9d2c7a1b3e8f60"}}}}',
      "a/.mcp.json",
    );
    expect(named(header, "x Authorization").fingerprint).toBe(terraform.fingerprint);
  });
});
