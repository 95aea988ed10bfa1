/*
 * Which values of an MCP server entry are secrets. The rule (docs/connectors/mcp.md):
 *
 * 1. Not a string (booleans, numbers, null), or empty: never a secret.
 * 2. A REFERENCE — the whole value (after an optional auth scheme) is made of `${env:X}`,
 *    `${input:x}`, `${X}`, `${X:-default}` or `$X` — is an inherited secret when the key or
 *    the referenced name sounds secret (or the VS Code input is `password: true`); the value is
 *    resolved at run time, so there is nothing to fingerprint, only a name to record.
 * 3. A LITERAL is a secret when
 *    a. it is an `Authorization`-style header (the part after the scheme is fingerprinted), or
 *    b. it has a well-known token shape (ghp_, github_pat_, glpat-, xox?-, sk-, sk_live_, AKIA…,
 *       AIza…, a JWT, a PEM private key) whatever its key, or
 *    c. it is a URL with a password (`postgres://user:pass@host`): the password is fingerprinted, or
 *    d. its key sounds secret (a word TOKEN, SECRET, PASSWORD, PASSWD, PWD, KEY, APIKEY, AUTH,
 *       CREDENTIAL(S), PRIVATE, COOKIE, SESSION, SIGNATURE, PAT, DSN) and does not end in a word
 *       that makes it an identifier or setting (ID, PATH, FILE, URL, HOST, NAME, USER, TYPE,
 *       REGION…), AND the value does not look like a setting: not true/false/yes/no/on/off, not a
 *       number, not a file path, not a URL without credentials, at least 8 characters, no spaces.
 *    Anything else (NODE_ENV=production, LOG_LEVEL, paths, URLs, flags) is not recorded.
 */

export interface Reference {
  /** `env` for `${env:X}`, `input` for `${input:x}`, `var` for `${X}` / `$X`. */
  readonly kind: "env" | "input" | "var";
  readonly name: string;
}

export type Verdict =
  | { readonly kind: "plain" }
  | { readonly kind: "reference"; readonly references: readonly Reference[]; readonly scheme?: string }
  /** `fingerprinted` is the secret part of `value` (the token after "Bearer ", a URL's password). */
  | { readonly kind: "secret"; readonly fingerprinted: string; readonly scheme?: string; readonly why: string };

const PLAIN: Verdict = { kind: "plain" };

const SECRET_WORDS = new Set([
  "token",
  "secret",
  "password",
  "passwd",
  "pwd",
  "key",
  "apikey",
  "auth",
  "authorization",
  "credential",
  "credentials",
  "private",
  "cookie",
  "session",
  "signature",
  "pat",
  "dsn",
]);
/** A last word that makes the name an identifier or a setting: AWS_ACCESS_KEY_ID, SSH_KEY_PATH, TOKEN_URL. */
const NOT_A_VALUE_WORDS = new Set([
  "id",
  "path",
  "file",
  "dir",
  "url",
  "uri",
  "endpoint",
  "host",
  "port",
  "name",
  "user",
  "username",
  "type",
  "region",
  "mode",
  "enabled",
  "version",
  "ttl",
  "expiry",
  "header",
  "scope",
  "scopes",
]);

/** `GITHUB_PERSONAL_ACCESS_TOKEN`, `x-api-key`, `apiKey` → lowercase words. */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function nameSoundsSecret(name: string): boolean {
  const words = wordsOf(name);
  if (words.length === 0 || NOT_A_VALUE_WORDS.has(words[words.length - 1]!)) return false;
  return words.some((word) => SECRET_WORDS.has(word)) || /api_?key|apitoken|accesstoken/.test(name.toLowerCase());
}

const AUTH_HEADERS = new Set(["authorization", "proxy-authorization"]);
const SCHEME = /^(Bearer|Basic|Token|Bot|ApiKey|Digest)\s+(?=\S)/i;

const TOKEN_SHAPES: readonly RegExp[] = [
  /^gh[pousr]_[A-Za-z0-9]{20,}$/,
  /^github_pat_[A-Za-z0-9_]{20,}$/,
  /^glpat-[A-Za-z0-9_-]{20,}$/,
  /^xox[abposr]-[A-Za-z0-9-]{10,}$/,
  /^sk-[A-Za-z0-9_-]{16,}$/,
  /^(sk|rk|pk)_(live|test)_[A-Za-z0-9]{16,}$/,
  /^(AKIA|ASIA)[A-Z0-9]{16}$/,
  /^AIza[0-9A-Za-z_-]{35}$/,
  /^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/,
  /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/,
];

const REFERENCE = /\$\{(env|input):([^}\s]+)\}|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-[^}]*)?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

function referencesIn(value: string): { references: Reference[]; rest: string } {
  const references: Reference[] = [];
  const rest = value.replace(
    REFERENCE,
    (_match, kind: string | undefined, scoped: string | undefined, braced?: string, bare?: string) => {
      if (kind && scoped) references.push({ kind: kind as "env" | "input", name: scoped });
      else references.push({ kind: "var", name: (braced ?? bare)! });
      return "";
    },
  );
  return { references, rest };
}

const SETTING_WORDS = /^(true|false|yes|no|on|off|none|null|enabled|disabled)$/i;
const looksLikePath = (value: string) => /^(\/|\.{1,2}\/|~\/|[A-Za-z]:[\\/])/.test(value);
const MIN_NAMED_SECRET_LENGTH = 8;

function urlPassword(value: string): string | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return undefined;
  try {
    const password = new URL(value).password;
    return password ? decodeURIComponent(password) : undefined;
  } catch {
    return undefined;
  }
}

function looksLikeSetting(value: string): boolean {
  return (
    SETTING_WORDS.test(value) ||
    /^-?\d+(\.\d+)?$/.test(value) ||
    looksLikePath(value) ||
    /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ||
    value.length < MIN_NAMED_SECRET_LENGTH ||
    /\s/.test(value)
  );
}

/**
 * Classifies one value under its key (an env variable, a header name, a `--flag`, a URL query
 * parameter; "" when there is none). `passwordInputs` are the VS Code input ids declared
 * `password: true`.
 */
export function classify(key: string, raw: unknown, passwordInputs: ReadonlySet<string> = new Set()): Verdict {
  if (typeof raw !== "string" || raw.trim() === "") return PLAIN;
  const value = raw.trim();
  const isAuthHeader = AUTH_HEADERS.has(key.toLowerCase());
  const scheme = SCHEME.exec(value)?.[1];
  const credentialPart = scheme ? value.slice(SCHEME.exec(value)![0].length).trim() : value;

  const { references, rest } = referencesIn(credentialPart);
  if (references.length > 0 && rest.trim() === "") {
    const secret =
      isAuthHeader ||
      nameSoundsSecret(key) ||
      references.some((ref) => nameSoundsSecret(ref.name) || (ref.kind === "input" && passwordInputs.has(ref.name)));
    return secret ? { kind: "reference", references, ...(scheme ? { scheme } : {}) } : PLAIN;
  }
  const schemeField = scheme ? { scheme } : {};
  if (isAuthHeader) return { kind: "secret", fingerprinted: credentialPart, ...schemeField, why: "authorization header" };
  if (TOKEN_SHAPES.some((shape) => shape.test(credentialPart)))
    return { kind: "secret", fingerprinted: credentialPart, ...schemeField, why: "token shape" };
  const password = urlPassword(value);
  if (password) return { kind: "secret", fingerprinted: password, why: "password in URL" };
  if (nameSoundsSecret(key) && !looksLikeSetting(credentialPart))
    return { kind: "secret", fingerprinted: credentialPart, ...schemeField, why: "secret name" };
  return PLAIN;
}
