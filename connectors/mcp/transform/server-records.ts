import { maskHint, type CredentialType, type Fingerprinter, type KeywardRecordInput } from "../../sdk";
import { jsonPointer, secretRef, serverRef } from "../external-types";
import type { ConfigFileItem, ServerEntry } from "../schemas";
import { readEntry, type EntrySecret } from "./entry-values";
import { wordsOf } from "./secret-rule";

/** Drops undefined members: record attributes must be JSON, and JSON has no undefined. */
function compact<T extends Record<string, unknown>>(value: T): Record<string, Exclude<T[keyof T], undefined>> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Record<
    string,
    Exclude<T[keyof T], undefined>
  >;
}

/** `type` as the clients write it ("streamable-http", "streamableHttp"…), else inferred: command → stdio, URL → http or sse. */
export function transportOf(entry: ServerEntry): "stdio" | "http" | "sse" | undefined {
  const declared = (entry.type ?? entry.transport)?.toLowerCase().replace(/[^a-z]/g, "");
  if (declared === "stdio") return "stdio";
  if (declared === "sse") return "sse";
  if (declared === "http" || declared === "streamablehttp") return "http";
  if (entry.command) return "stdio";
  if (entry.url) return /\/sse\/?(\?|$)/.test(entry.url) ? "sse" : "http";
  return undefined;
}

/** `npx -y @modelcontextprotocol/server-github` → the package the launcher runs. */
function packageOf(entry: ServerEntry, shownArgs: readonly string[] | undefined): string | undefined {
  if (!entry.command || !shownArgs || !/(^|\/)(npx|uvx|bunx|pnpx|docker)$/.test(entry.command)) return undefined;
  return shownArgs.find((arg) => !arg.startsWith("-") && arg !== "run" && arg !== "<secret>");
}

function credentialType(secret: EntrySecret): CredentialType {
  const words = wordsOf(secret.key);
  if (secret.where === "headers" && (secret.verdict.scheme !== undefined || /authorization/i.test(secret.key))) return "token";
  if (
    words.some((w) => ["password", "passwd", "pwd"].includes(w)) ||
    (secret.verdict.kind === "secret" && secret.verdict.why === "password in URL")
  )
    return "password";
  if (/api_?key/.test(words.join("_")) || words.includes("apikey")) return "api_key";
  if (words.includes("pat") || words.join("_").includes("personal_access_token")) return "pat";
  if (words.includes("private")) return "private_key";
  if (words.some((w) => ["token", "auth", "authorization", "session", "cookie"].includes(w))) return "token";
  return "other";
}

function secretRecords(
  item: ConfigFileItem,
  server: string,
  entryAt: readonly string[],
  secret: EntrySecret,
  fingerprint: Fingerprinter,
) {
  const pointer = jsonPointer([...entryAt, ...secret.at]);
  const ref = secretRef(item.path, secret.parameter === undefined ? pointer : `${pointer}?${secret.parameter}`);
  const holder = serverRef(item.path, jsonPointer(entryAt));
  const { verdict } = secret;
  const common = {
    kind: "credential" as const,
    ...ref,
    name: `${server} ${secret.key}`,
    type: credentialType(secret),
    identityRef: holder,
    locations: [{ source: "mcp_config", path: item.path }],
  };
  const where = { server, jsonPointer: pointer, in: secret.where, variable: secret.key, urlParameter: secret.parameter };
  const credential: KeywardRecordInput =
    verdict.kind === "secret"
      ? {
          ...common,
          status: "active",
          fingerprint: fingerprint(verdict.fingerprinted),
          maskedHint: maskHint(verdict.fingerprinted),
          attributes: compact({ ...where, scheme: verdict.scheme, detectedBy: verdict.why }),
        }
      : {
          // Resolved from the environment or a prompt when the client starts the server: known
          // by name only, so no fingerprint and no status.
          ...common,
          status: "unknown",
          attributes: compact({
            ...where,
            scheme: verdict.scheme,
            inherited: true,
            references: verdict.references.map((r) => (r.kind === "var" ? r.name : `${r.kind}:${r.name}`)),
            inputDescriptions: inputDescriptions(item, verdict.references),
          }),
        };
  return [credential, { kind: "edge" as const, type: "has_credential" as const, from: holder, to: ref }];
}

function inputDescriptions(item: ConfigFileItem, references: readonly { kind: string; name: string }[]): string[] | undefined {
  const described = references.flatMap((r) => {
    const input = r.kind === "input" ? item.inputs.find((candidate) => candidate.id === r.name) : undefined;
    return input?.description ? [input.description] : [];
  });
  return described.length > 0 ? described : undefined;
}

/** One agent config file → one `mcp_server` identity per entry, with its secrets as credentials. */
export function configRecords(item: ConfigFileItem, fingerprint: Fingerprinter): KeywardRecordInput[] {
  const passwordInputs = new Set(item.inputs.filter((input) => input.password === true).map((input) => input.id));
  return Object.entries(item.servers).flatMap(([server, entry]) => {
    const entryAt = [...item.serversAt, server];
    const reading = readEntry(entry, passwordInputs);
    const identity: KeywardRecordInput = {
      kind: "identity",
      ...serverRef(item.path, jsonPointer(entryAt)),
      name: server,
      type: "mcp_server",
      status: entry.disabled === true ? "inactive" : "active",
      isHuman: false,
      attributes: compact({
        client: item.client,
        file: item.path,
        jsonPointer: jsonPointer(entryAt),
        transport: transportOf(entry),
        command: entry.command,
        args: reading.shownArgs ? [...reading.shownArgs] : undefined,
        package: packageOf(entry, reading.shownArgs),
        url: reading.shownUrl,
        envKeys: entry.env ? Object.keys(entry.env) : undefined,
        headerNames: entry.headers ? Object.keys(entry.headers) : undefined,
        envFile: entry.envFile,
      }),
    };
    return [identity, ...reading.secrets.flatMap((secret) => secretRecords(item, server, entryAt, secret, fingerprint))];
  });
}
