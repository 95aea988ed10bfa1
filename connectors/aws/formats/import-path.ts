/*
 * What an import path says that an AWS CLI output leaves out:
 *
 * - the account: the first folder named by a 12-digit account id, e.g. `123456789012/list-access-keys.json`
 *   (`list-access-keys` and `list-user-tags` print user names only);
 * - the user of a `list-user-tags` output: `list-user-tags/<user>.json`, `users/<user>/tags.json`
 *   or `list-user-tags-<user>.json`.
 */

const ACCOUNT_FOLDER = /^\d{12}$/;
const USER_TAGS_FILE = /(?:^|\/)(?:list-user-tags\/([^/]+)|users\/([^/]+)\/tags|list-user-tags-([^/]+))\.json$/i;

export function accountIdOf(path: string): string | undefined {
  return path.split("/").slice(0, -1).find((folder) => ACCOUNT_FOLDER.test(folder));
}

export function taggedUserOf(path: string): string | undefined {
  const match = USER_TAGS_FILE.exec(path);
  const name = match?.[1] ?? match?.[2] ?? match?.[3];
  return name ? decodeURIComponent(name) : undefined;
}
