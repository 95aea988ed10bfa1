import { z } from "zod";

/*
 * MCP server entries as agent clients configure them:
 *
 * - Claude Desktop (`claude_desktop_config.json`), Claude Code (`.mcp.json`), Cursor
 *   (`.cursor/mcp.json`, `~/.cursor/mcp.json`) and most other clients: `{ "mcpServers": { <name>: entry } }`;
 * - VS Code (`.vscode/mcp.json`): `{ "inputs": [...], "servers": { <name>: entry } }`, or the same
 *   under `"mcp"` in settings.json.
 *
 * An entry is either local (`command`, `args`, `env`, `envFile`: stdio) or remote (`url`,
 * `headers`, and `type` "http" / "sse" / "streamable-http"). Unknown keys are kept unread.
 */

export const serverEntrySchema = z.looseObject({
  type: z.string().optional(),
  transport: z.string().optional(),
  command: z.string().optional(),
  args: z.array(z.unknown()).optional(),
  env: z.record(z.string(), z.unknown()).optional(),
  envFile: z.string().optional(),
  url: z.string().optional(),
  headers: z.record(z.string(), z.unknown()).optional(),
  disabled: z.boolean().optional(),
});
export type ServerEntry = z.output<typeof serverEntrySchema>;

/** A VS Code input variable: `${input:<id>}` prompts for it; `password: true` masks the prompt. */
export const inputSchema = z.looseObject({
  id: z.string(),
  type: z.string().optional(),
  description: z.string().optional(),
  password: z.boolean().optional(),
});
export type InputVariable = z.output<typeof inputSchema>;

export const CLIENTS = ["claude-desktop", "claude-code", "cursor", "vscode", "mcp"] as const;

/** Item of the `configs` stream: one agent config file. */
export const configFileItemSchema = z.strictObject({
  path: z.string().min(1),
  /** Which client's file it looks like, from the file name: only descriptive. */
  client: z.enum(CLIENTS),
  /** JSON pointer segments of the servers object (`["mcpServers"]`, `["servers"]`, `["mcp", "servers"]`). */
  serversAt: z.array(z.string()).min(1),
  servers: z.record(z.string(), serverEntrySchema),
  inputs: z.array(inputSchema).default([]),
});
export type ConfigFileItem = z.output<typeof configFileItemSchema>;
