import { runGit } from "../git/run-git";
import type { SecretItem, SecretOwnersRule } from "../schemas";
import { CODEOWNERS_LOCATIONS, parseCodeowners, ruleFor, type Codeowners } from "./codeowners";

/** CODEOWNERS files are small (GitHub refuses over 3 MB); a bigger blob is not a CODEOWNERS file worth parsing. */
const MAX_CODEOWNERS_BYTES = 3 * 1024 * 1024;

/**
 * The CODEOWNERS file of HEAD's tree (`head`: blob id → paths), the first in the platforms'
 * lookup order; undefined when there is none. HEAD's copy rules, even for history-only secrets:
 * today's owners are the people to ask about a leak that is still in the history.
 */
export function readCodeowners(gitDir: string, head: ReadonlyMap<string, readonly string[]>): Codeowners | undefined {
  const oidByPath = new Map<string, string>();
  for (const [oid, paths] of head) for (const path of paths) oidByPath.set(path, oid);
  for (const file of CODEOWNERS_LOCATIONS) {
    const oid = oidByPath.get(file);
    if (!oid) continue;
    const content = runGit(["cat-file", "blob", oid], { gitDir });
    if (content.length > MAX_CODEOWNERS_BYTES) return undefined;
    return parseCodeowners(file, content.toString("utf8"));
  }
  return undefined;
}

/** The CODEOWNERS rules that decide the paths a secret was found at (only rules that name owners). */
export function codeownersOf(secret: SecretItem, codeowners: Codeowners | undefined): SecretOwnersRule[] {
  if (!codeowners) return [];
  const byLine = new Map<number, SecretOwnersRule>();
  for (const path of new Set(secret.locations.map((l) => l.path))) {
    const rule = ruleFor(codeowners, path);
    if (!rule || rule.owners.length === 0) continue;
    const known = byLine.get(rule.line);
    if (known) known.paths.push(path);
    else
      byLine.set(rule.line, {
        file: codeowners.file,
        line: rule.line,
        pattern: rule.pattern,
        owners: [...rule.owners],
        paths: [path],
      });
  }
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}
