import { FormatError } from "../../sdk";
import { ORG_LOGIN } from "../config";

/*
 * Several GitHub responses do not name what they belong to (a repository's deploy keys and
 * secrets; an organization's secrets when none is shared with selected repositories), so the
 * file's path relative to the import root must. Accepted, in this order:
 *
 * - repository: the API path, `…/repos/<owner>/<repo>/…` (e.g. `repos/acme/api/keys.json`,
 *   `repos/acme/api/actions/secrets.json`), else the two folders holding the file
 *   (`acme/api/deploy-keys.json`);
 * - organization: `…/orgs/<org>/…`, else the folder holding the file (`acme/org-secrets.json`).
 *
 * Pages saved as separate files (`keys.json`, `keys-page-2.json`) each name the same parent
 * this way; their items add up.
 */

const REPO_NAME = /^[A-Za-z0-9._-]+$/;
/** Folder names that are API path words, never an owner or repository. */
const API_WORDS = new Set(["repos", "orgs", "actions", "secrets", "keys", "installations"]);

const isOwner = (segment: string | undefined): segment is string =>
  segment !== undefined && ORG_LOGIN.test(segment) && !API_WORDS.has(segment);
const isRepo = (segment: string | undefined): segment is string =>
  segment !== undefined && REPO_NAME.test(segment) && !API_WORDS.has(segment) && segment !== "." && segment !== "..";

function folders(path: string): string[] {
  const segments = path.split("/");
  segments.pop();
  return segments;
}

/** `owner/repo` from the path, or undefined. */
export function repositoryOfPath(path: string): string | undefined {
  const segments = folders(path);
  const afterRepos = segments.findIndex((segment, index) => index > 0 && segments[index - 1] === "repos");
  if (afterRepos !== -1 && isOwner(segments[afterRepos]) && isRepo(segments[afterRepos + 1])) {
    return `${segments[afterRepos]}/${segments[afterRepos + 1]}`;
  }
  const [owner, repo] = segments.slice(-2);
  return segments.length >= 2 && isOwner(owner) && isRepo(repo) ? `${owner}/${repo}` : undefined;
}

/** The organization login from the path, or undefined. */
export function organizationOfPath(path: string): string | undefined {
  const segments = folders(path);
  const afterOrgs = segments.findIndex((segment, index) => index > 0 && segments[index - 1] === "orgs");
  if (afterOrgs !== -1 && isOwner(segments[afterOrgs])) return segments[afterOrgs];
  const folder = segments.at(-1);
  return isOwner(folder) ? folder : undefined;
}

export function requireFromPath(path: string, value: string | undefined, what: string, example: string): string {
  if (value) return value;
  throw new FormatError("invalid_path", {
    file: path,
    reason: `cannot tell which ${what} this file belongs to: save it as ${example}`,
  });
}
