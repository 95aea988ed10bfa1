/*
 * Values that look like secrets but are not: documented example keys, placeholders, template
 * references, and test fixtures marked as such. A decoy is dropped before fingerprinting, so it
 * never becomes a credential (a finding on AWS's own example key would be noise, not a leak).
 */

/** Example values published in provider documentation (AWS IAM docs, jwt.io's default token). */
const DOCUMENTED_EXAMPLES = new Set([
  "AKIAIOSFODNN7EXAMPLE",
  "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
]);

/** AWS's documentation convention: example ids and keys end in EXAMPLE / EXAMPLEKEY. */
const EXAMPLE_SUFFIX = /EXAMPLE(?:KEY)?$/;

/** Words that mean "put your value here", compared case-insensitively inside the value. */
const PLACEHOLDER_WORDS =
  /changeme|change[_-]me|replace[_-]?me|your[_-]?(?:api[_-]?)?(?:key|token|secret|password)|placeholder|redacted|dummy|example|insert[_-]?here|notasecret/i;

/** `${{ secrets.X }}`, `${VAR}`, `$VAR`, `{{ .Values.x }}`, `%(x)s`, `<your-key>`, Terraform `var.x` / `local.x`, env lookups. */
const TEMPLATE_REFERENCE =
  /^(?:\$\{|\$[A-Za-z_]|\{\{|%\(|<[^>]*>?$|(?:var|local|module|data|each|secrets|vars|env)\.[A-Za-z_]|process\.env|os\.environ|os\.getenv|ENV\[|getenv\()/;

/** Inline markers with which people mark a deliberate test value (gitleaks, detect-secrets, Keyward). */
const ALLOW_MARKER = /gitleaks:allow|pragma: allowlist secret|keyward:allow|nosecret/i;

/** Fixture and test-data directories: values there are test fixtures by convention. */
const FIXTURE_PATH = /(?:^|\/)(?:__fixtures__|fixtures|testdata|test-data|test_data)\//i;

export type DecoyReason = "documented-example" | "placeholder" | "template-reference" | "test-fixture";

/** Share of the most frequent character above which a value is filler (`xxxx…`, `0000…`, `****`). */
const FILLER_SHARE = 0.6;

function isFiller(value: string): boolean {
  const body = value.replace(/^[a-z]+_(?:[a-z]+_)?|^[a-z]+-/i, "");
  if (body.length === 0) return true;
  const counts = new Map<string, number>();
  for (const ch of body.toLowerCase()) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return Math.max(...counts.values()) / body.length >= FILLER_SHARE;
}

/** Why `value`, found on `line` of `path`, is not a real secret; undefined when it may be one. */
export function decoyReason(value: string, line: string, path: string): DecoyReason | undefined {
  if (DOCUMENTED_EXAMPLES.has(value) || EXAMPLE_SUFFIX.test(value)) return "documented-example";
  if (TEMPLATE_REFERENCE.test(value)) return "template-reference";
  if (PLACEHOLDER_WORDS.test(value) || /x{4,}/i.test(value) || isFiller(value)) return "placeholder";
  if (ALLOW_MARKER.test(line) || FIXTURE_PATH.test(path)) return "test-fixture";
  return undefined;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
