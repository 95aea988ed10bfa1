import { defineFormat, parseFileWith, type FormatBatch, type InspectedFile } from "../../sdk";
import { configFileItemSchema, type CLIENTS } from "../schemas";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** The file names clients read; only a hint on top of the content check. */
const KNOWN_NAME = /(^|\/)(\.?mcp\.json|claude_desktop_config\.json|settings\.json)$/;

/** Which client's file this is, from its name: descriptive only (records say `client`). */
function clientOf(path: string, shape: "mcpServers" | "servers"): (typeof CLIENTS)[number] {
  if (shape === "servers") return "vscode";
  if (/(^|\/)claude_desktop_config\.json$/.test(path)) return "claude-desktop";
  if (/(^|\/)\.cursor\/mcp\.json$/.test(path)) return "cursor";
  if (/(^|\/)\.mcp\.json$/.test(path)) return "claude-code";
  return "mcp";
}

/** An object of server entries: every value an object, at least one with `command` or `url`. */
function looksLikeServers(value: unknown): value is Json {
  if (!isObject(value)) return false;
  const entries = Object.values(value);
  return (
    entries.length > 0 &&
    entries.every(isObject) &&
    entries.some((entry) => typeof entry.command === "string" || typeof entry.url === "string")
  );
}

/** Where the servers object is: `servers` (VS Code mcp.json) or `mcp.servers` (VS Code settings.json). */
function vscodeServersAt(json: Json): string[] | undefined {
  if (looksLikeServers(json.servers)) return ["servers"];
  if (isObject(json.mcp) && looksLikeServers(json.mcp.servers)) return ["mcp", "servers"];
  return undefined;
}

function parseAt(file: InspectedFile, serversAt: string[], shape: "mcpServers" | "servers"): FormatBatch[] {
  const json = file.json as Json;
  const container = serversAt.length > 1 ? (json[serversAt[0]!] as Json) : json;
  const item = parseFileWith(file, configFileItemSchema, {
    path: file.path,
    client: clientOf(file.path, shape),
    serversAt,
    servers: container[serversAt[serversAt.length - 1]!],
    inputs: container.inputs ?? [],
  });
  return [{ stream: "configs", items: [item] }];
}

/** `{ "mcpServers": {…} }`: Claude Desktop, Claude Code, Cursor, Windsurf, Cline and most clients. */
export const mcpServersFormat = defineFormat({
  id: "mcp.mcp-servers-config",
  description: 'Agent MCP config with "mcpServers" (claude_desktop_config.json, .mcp.json, .cursor/mcp.json)',
  detect: (file) => {
    if (!isObject(file.json) || !looksLikeServers(file.json.mcpServers)) return 0;
    return KNOWN_NAME.test(file.path) ? 1 : 0.9;
  },
  parse: (file) => parseAt(file, ["mcpServers"], "mcpServers"),
});

/**
 * VS Code: `{ "inputs": [...], "servers": {…} }` in .vscode/mcp.json, or under `"mcp"` in settings.
 * `servers` is a common word, so without a known file name the content must also look like MCP
 * (a `type`, `args`, `env` or `headers` on some entry).
 */
export const vscodeServersFormat = defineFormat({
  id: "mcp.vscode-config",
  description: 'VS Code MCP config with "servers" and "inputs" (.vscode/mcp.json, settings.json "mcp")',
  detect: (file) => {
    if (!isObject(file.json) || Object.hasOwn(file.json, "mcpServers")) return 0;
    const at = vscodeServersAt(file.json);
    if (!at) return 0;
    if (KNOWN_NAME.test(file.path)) return 1;
    const servers = Object.values(
      at.length > 1 ? ((file.json.mcp as Json).servers as Json) : (file.json.servers as Json),
    ) as Json[];
    return servers.some((entry) => ["type", "args", "env", "headers"].some((key) => Object.hasOwn(entry, key))) ? 0.7 : 0;
  },
  parse: (file) => parseAt(file, vscodeServersAt(file.json as Json) ?? ["servers"], "servers"),
});
