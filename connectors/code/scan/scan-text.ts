import { decoyReason, shannonEntropy } from "./decoys";
import { AWS_ACCESS_KEY_ID, GENERIC_RULE_ID, SECRET_RULES, type SecretRule } from "./rules";

/** A secret found in one text. `value` is the secret itself: it must go through `fingerprint()` and no further. */
export interface TextHit {
  readonly ruleId: string;
  readonly value: string;
  /** 1-based line of the match's start. */
  readonly line: number;
  /** The AWS access key id on a nearby line, for an AWS secret access key. */
  readonly accessKeyId?: string;
}

/** How far (in lines) an AWS access key id may sit from its secret to be taken as its pair. */
export const AWS_PAIR_MAX_LINES = 3;

const AWS_KEY_ID_ONLY = /^(?:AKIA|ASIA)[A-Z2-7]{16}$/;

/** Random tokens mix at least two of digits, lower and upper case; names and prose ("prod-db-credentials") do not. */
function isMixed(value: string): boolean {
  return [/[0-9]/, /[a-z]/, /[A-Z]/].filter((re) => re.test(value)).length >= 2;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line number of `offset` (binary search over line starts). */
function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** A PEM body as the certificates connector fingerprints it: base64 only, escaped newlines and quotes removed. */
function pemBody(body: string): string {
  return body.replace(/\\[nr]|["',\s]/g, "");
}

function ruleValue(rule: SecretRule, match: RegExpExecArray): string {
  return rule.id === "private-key" ? pemBody(match[2] ?? "") : (match[1] ?? "");
}

function awsKeyIdsByLine(text: string, starts: readonly number[]): Map<number, string> {
  const ids = new Map<number, string>();
  for (const m of text.matchAll(AWS_ACCESS_KEY_ID)) ids.set(lineAt(starts, m.index), m[1]!);
  return ids;
}

function nearestKeyId(ids: ReadonlyMap<number, string>, line: number): string | undefined {
  for (let d = 0; d <= AWS_PAIR_MAX_LINES; d += 1) {
    const id = ids.get(line - d) ?? ids.get(line + d);
    if (id && decoyReason(id, "", "") === undefined) return id;
  }
  return undefined;
}

/**
 * Every non-decoy secret in `text` (the content of the file at `path`), at most one hit per
 * (value, line): a value a specific rule recognised is not reported again by the generic rule.
 */
export function scanText(text: string, path: string): TextHit[] {
  const lower = text.toLowerCase();
  const rules = SECRET_RULES.filter((rule) => rule.keywords.some((k) => lower.includes(k)));
  if (rules.length === 0) return [];
  const starts = lineStarts(text);
  const seen = new Set<string>();
  const hits: TextHit[] = [];
  let awsIds: Map<number, string> | undefined;
  for (const rule of rules) {
    for (const match of text.matchAll(rule.pattern)) {
      const value = ruleValue(rule, match);
      if (value === "") continue;
      const line = lineAt(starts, match.index);
      const lineText = text.slice(starts[line - 1], starts[line] ?? text.length);
      const key = `${line}\u0000${value}`;
      if (seen.has(key) || (rule.id === GENERIC_RULE_ID && hits.some((h) => h.value.includes(value) || value.includes(h.value))))
        continue;
      if (rule.minEntropy !== undefined && (shannonEntropy(value) < rule.minEntropy || !isMixed(value))) continue;
      // An access key id is public (the AWS connector stores it as is): it links a secret, it is not one.
      if (rule.id === GENERIC_RULE_ID && AWS_KEY_ID_ONLY.test(value)) continue;
      if (decoyReason(value, lineText, path) !== undefined) continue;
      seen.add(key);
      if (rule.id === "aws-secret-access-key") {
        awsIds ??= awsKeyIdsByLine(text, starts);
        const accessKeyId = nearestKeyId(awsIds, line);
        hits.push({ ruleId: rule.id, value, line, ...(accessKeyId ? { accessKeyId } : {}) });
      } else hits.push({ ruleId: rule.id, value, line });
    }
  }
  return hits;
}
