import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { inspectFile, type HarnessFile, type InspectedFile } from "../../sdk";

/*
 * The AWS CLI v2 outputs under __fixtures__/cli, laid out as people save them: one folder per
 * account id, regional outputs under <account>/<region>/. Paths are relative to that folder, as the
 * importer passes them.
 */

const ROOT = fileURLToPath(new URL("./cli/", import.meta.url));

export const cliFiles: HarnessFile[] = readdirSync(ROOT, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => {
    const path = `${entry.parentPath}/${entry.name}`.slice(ROOT.length).replace(/^\/+/, "");
    return { path, content: readFileSync(`${ROOT}/${path}`) };
  })
  .sort((a, b) => a.path.localeCompare(b.path));

export function cliFile(path: string): InspectedFile {
  return inspectFile(path, readFileSync(`${ROOT}/${path}`));
}

export function cliJson<T = Record<string, unknown>>(path: string): T {
  return JSON.parse(readFileSync(`${ROOT}/${path}`, "utf8")) as T;
}
