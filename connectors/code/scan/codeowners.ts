/*
 * CODEOWNERS of a scanned repository, as GitHub and GitLab read it: the first file found of
 * `.github/CODEOWNERS`, `CODEOWNERS`, `docs/CODEOWNERS` (and GitLab's `.gitlab/CODEOWNERS`) in the
 * default branch's tree; each line is a gitignore-style pattern followed by owners (`@user`,
 * `@org/team` or an e-mail address); the LAST matching line wins, and a matching line without
 * owners means "nobody owns this". GitLab's `[Section]` headers are skipped (their lines still
 * count as ordinary rules: the last match across sections wins, GitLab's own default).
 * Unsupported by both products and so ignored here: negation (`!`) and character ranges (`[a-z]`).
 */

/** Where the platforms look, in their lookup order: the first existing file is the only one read. */
export const CODEOWNERS_LOCATIONS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS"] as const;

export interface CodeownersRule {
  /** The pattern as written (for display and provenance). */
  readonly pattern: string;
  readonly owners: readonly string[];
  /** 1-based line in the CODEOWNERS file. */
  readonly line: number;
  readonly matches: (path: string) => boolean;
}

export interface Codeowners {
  /** Path of the CODEOWNERS file in the repository. */
  readonly file: string;
  readonly rules: readonly CodeownersRule[];
}

const escapeRegex = (text: string) => text.replace(/[.+^${}()|[\]\\]/g, "\\$&");

/** Glob body → regex source: `**` crosses folders, `*` and `?` stay inside one. */
function globBody(glob: string): string {
  let out = "";
  for (let i = 0; i < glob.length; i += 1) {
    const ch = glob[i]!;
    if (ch === "*" && glob[i + 1] === "*") {
      const slashAfter = glob[i + 2] === "/";
      out += slashAfter ? "(?:.*/)?" : ".*";
      i += slashAfter ? 2 : 1;
    } else if (ch === "*") out += "[^/]*";
    else if (ch === "?") out += "[^/]";
    else out += escapeRegex(ch);
  }
  return out;
}

/**
 * A path matcher for one pattern, with gitignore's anchoring: a pattern with a slash at its start
 * or middle is relative to the repository root, one without matches at any depth; a pattern
 * naming a folder matches everything beneath it, except `dir/*` (GitHub: direct children only).
 */
export function patternMatcher(pattern: string): (path: string) => boolean {
  const dirOnly = pattern.endsWith("/");
  const trimmed = pattern.replace(/^\/+/, "").replace(/\/+$/, "");
  const anchored = pattern.startsWith("/") || trimmed.includes("/");
  const prefix = anchored ? "^" : "^(?:.*/)?";
  const directChildrenOnly = trimmed.endsWith("/*") && !trimmed.endsWith("**/*");
  const suffix = dirOnly ? "/.*$" : directChildrenOnly ? "$" : "(?:/.*)?$";
  const regex = new RegExp(prefix + globBody(trimmed) + suffix);
  return (path) => regex.test(path);
}

/** Splits on unescaped whitespace and drops an unescaped `#` comment; `\ ` and `\#` are literal. */
function tokens(line: string): string[] {
  const out: string[] = [];
  let current = "";
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    if (ch === "\\" && i + 1 < line.length) {
      current += line[++i];
    } else if (ch === "#") break;
    else if (/\s/.test(ch)) {
      if (current) out.push(current);
      current = "";
    } else current += ch;
  }
  if (current) out.push(current);
  return out;
}

/** A GitLab section header: `[Name]`, `^[Optional]`, `[Name][2]`, optionally followed by default owners. */
const SECTION_HEADER = /^\^?\[[^\]]+\]/;

export function parseCodeowners(file: string, text: string): Codeowners {
  const rules: CodeownersRule[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || SECTION_HEADER.test(line)) return;
    const [pattern, ...owners] = tokens(line);
    if (!pattern || pattern.startsWith("!") || /\[[^\]]*\]/.test(pattern)) return;
    rules.push({ pattern, owners, line: index + 1, matches: patternMatcher(pattern) });
  });
  return { file, rules };
}

/** The rule that decides `path` (the last match), or undefined when no rule matches. */
export function ruleFor(codeowners: Codeowners, path: string): CodeownersRule | undefined {
  for (let i = codeowners.rules.length - 1; i >= 0; i -= 1) if (codeowners.rules[i]!.matches(path)) return codeowners.rules[i];
  return undefined;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Owners that name a person Keyward can hold accountable: e-mail addresses (a `@handle` names an account, not a mailbox). */
export const isEmailOwner = (owner: string) => EMAIL.test(owner);
