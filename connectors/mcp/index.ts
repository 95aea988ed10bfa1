import { z } from "zod";
import { defineConnector } from "../sdk";
import { mcpServersFormat, vscodeServersFormat } from "./formats/config-files";
import { configsStream } from "./stream";

export const mcpConfigSchema = z.strictObject({});

/**
 * AI agents' MCP server configs found in repositories (Claude, Cursor, VS Code): each server an
 * identity, the secrets in its env, headers, arguments and URL fingerprinted and located, the ones
 * it inherits from the environment or a prompt recorded by name. Offline only.
 */
export const mcpConnector = defineConnector({
  provider: "mcp",
  displayName: "AI agents / MCP",
  configSchema: mcpConfigSchema,
  secretFields: [],
  permissions: [],
  check: async () => ({ ok: true, detail: "MCP agent configs are files; load them with keyward import" }),
  scopes: async () => [{ id: "import", label: "Imported files" }],
  streams: [configsStream],
  formats: [mcpServersFormat, vscodeServersFormat],
});
