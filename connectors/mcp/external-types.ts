import type { ExternalRef } from "../sdk";

/*
 * External types of the MCP connector; both are in Keyward's import vocabulary
 * (connectors/keyward/external-types.ts).
 */

/** Identity (stream `configs`), type `mcp_server`: one server entry of one agent config file. */
export const SERVER_TYPE = "mcp.server";
/**
 * Credential (stream `configs`): a secret a server entry carries or inherits — an `env` value, a
 * header, a secret argument or URL parameter. The name says "env" for history; headers are included.
 */
export const SECRET_TYPE = "mcp.env_secret";

/** RFC 6901 JSON pointer: `~` → `~0`, `/` → `~1`. */
export function jsonPointer(segments: readonly (string | number)[]): string {
  return segments.map((segment) => `/${String(segment).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/** Entries are keyed by file and pointer: the same server name in two files is two entries. */
export const serverRef = (file: string, pointer: string): ExternalRef => ({
  externalType: SERVER_TYPE,
  externalId: `${file}#${pointer}`,
});
export const secretRef = (file: string, pointer: string): ExternalRef => ({
  externalType: SECRET_TYPE,
  externalId: `${file}#${pointer}`,
});
