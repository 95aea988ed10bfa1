/*
 * What an import path says about a saved Graph response, which does not name its tenant and —
 * for owners — not even its application:
 *
 * - the tenant: the first folder named by a GUID, e.g. `<tenant id>/applications.json`;
 * - the application of an owners response: `owners/<appId>.json`, `applications/<appId>/owners.json`
 *   or `applications-<appId>-owners.json` (the same GUID is not also taken as the tenant).
 */

export const GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const GUID_SEGMENT = new RegExp(`^${GUID}$`);
/** Owners file names; a page suffix (`owners/<appId>-2.json`, `owners-page-2.json`) is allowed. */
const OWNERS_FILE = new RegExp(
  `(?:^|/)(?:owners/(${GUID})[^/]*|applications/(${GUID})/owners[^/]*|applications-(${GUID})-owners[^/]*)\\.json$`,
  "i",
);

/** Application id named by an owners file's path, or undefined when the path follows no convention. */
export function ownersAppIdOf(path: string): string | undefined {
  const match = OWNERS_FILE.exec(path);
  return (match?.[1] ?? match?.[2] ?? match?.[3])?.toLowerCase();
}

/** Tenant id named by a folder of the path, skipping the folder that names an owners file's app. */
export function tenantIdOf(path: string): string | undefined {
  const appId = ownersAppIdOf(path);
  const folders = path.split("/").slice(0, -1);
  return folders.find((folder) => GUID_SEGMENT.test(folder) && folder.toLowerCase() !== appId)?.toLowerCase();
}
