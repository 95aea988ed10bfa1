import { classify, type Verdict } from "./secret-rule";
import type { ServerEntry } from "../schemas";

/** A value of a server entry that is a secret or a secret reference, and where it sits. */
export interface EntrySecret {
  /** JSON pointer segments below the entry: `["env", "GITHUB_TOKEN"]`, `["args", 3]`, `["url"]`. */
  readonly at: readonly (string | number)[];
  /** A URL query parameter's name: the pointer cannot address inside a string. */
  readonly parameter?: string;
  /** What the value is called: the env variable, header, flag or parameter name. */
  readonly key: string;
  readonly where: "env" | "headers" | "args" | "url";
  readonly verdict: Exclude<Verdict, { kind: "plain" }>;
}

const FLAG_WITH_VALUE = /^(--?[A-Za-z0-9][\w.-]*)=([\s\S]*)$/;
const FLAG = /^--?[A-Za-z0-9][\w.-]*$/;

function keep(found: EntrySecret[], entry: Omit<EntrySecret, "verdict">, verdict: Verdict): Verdict {
  if (verdict.kind !== "plain") found.push({ ...entry, verdict });
  return verdict;
}

/**
 * Arguments: `--api-key=<v>` is judged under `--api-key`, a value after a bare `--token` under
 * `--token`, any other argument by its shape alone. Returns the arguments to show, with secrets
 * replaced by a marker (references are names and stay).
 */
function argSecrets(args: readonly unknown[], passwordInputs: ReadonlySet<string>, found: EntrySecret[]): string[] {
  let previousFlag = "";
  return args.map((arg, index) => {
    const text = typeof arg === "string" ? arg : JSON.stringify(arg);
    const withValue = FLAG_WITH_VALUE.exec(text);
    const [key, value] = withValue ? [withValue[1]!, withValue[2]!] : [previousFlag, text];
    previousFlag = !withValue && FLAG.test(text) ? text : "";
    if (!withValue && FLAG.test(text)) return text;
    const verdict = keep(
      found,
      { at: ["args", index], key: key || `argument ${index}`, where: "args" },
      classify(key, value, passwordInputs),
    );
    if (verdict.kind !== "secret") return text;
    return withValue ? `${key}=<secret>` : "<secret>";
  });
}

/** The URL to show: no user-info, query or fragment (either may carry a secret). */
function urlSecrets(url: string, passwordInputs: ReadonlySet<string>, found: EntrySecret[]): string {
  keep(found, { at: ["url"], key: "url", where: "url" }, classify("url", url, passwordInputs));
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not parseable (e.g. a `${input:host}` template): show nothing rather than something unchecked.
    return "<unparsed>";
  }
  for (const [name, value] of parsed.searchParams) {
    keep(found, { at: ["url"], parameter: name, key: name, where: "url" }, classify(name, value, passwordInputs));
  }
  return `${parsed.origin}${parsed.pathname}`;
}

export interface EntryReading {
  readonly secrets: readonly EntrySecret[];
  readonly shownArgs?: readonly string[];
  readonly shownUrl?: string;
}

/** Classifies every env value, header, argument and URL parameter of one server entry. */
export function readEntry(entry: ServerEntry, passwordInputs: ReadonlySet<string>): EntryReading {
  const found: EntrySecret[] = [];
  for (const [key, value] of Object.entries(entry.env ?? {}))
    keep(found, { at: ["env", key], key, where: "env" }, classify(key, value, passwordInputs));
  for (const [key, value] of Object.entries(entry.headers ?? {}))
    keep(found, { at: ["headers", key], key, where: "headers" }, classify(key, value, passwordInputs));
  const shownArgs = entry.args ? argSecrets(entry.args, passwordInputs, found) : undefined;
  const shownUrl = entry.url ? urlSecrets(entry.url, passwordInputs, found) : undefined;
  return { secrets: found, shownArgs, shownUrl };
}
