import { FormatError } from "../../sdk";
import { NUMERIC_ID } from "../schemas";

/*
 * Variable and token listings do not name the group or project they belong to, so the file's
 * path relative to the import root must, as the API path does: `…/groups/<id>/…` or
 * `…/projects/<id>/…` with the NUMERIC id (the records' external ids are ids; a path would name
 * the same group differently after a rename). E.g. `projects/42/variables.json`,
 * `groups/7/access_tokens.json`. Pages saved as separate files (`variables.json`,
 * `variables-page-2.json`) in the same folder each name the same parent; their items add up.
 */

export interface PathOwner {
  readonly level: "group" | "project";
  readonly id: string;
}

/** The innermost `groups/<id>` or `projects/<id>` folder pair of the path, if any. */
export function ownerOfPath(path: string): PathOwner | undefined {
  const folders = path.split("/").slice(0, -1);
  for (let index = folders.length - 2; index >= 0; index -= 1) {
    const word = folders[index];
    const id = folders[index + 1] ?? "";
    if ((word === "groups" || word === "projects") && NUMERIC_ID.test(id)) {
      return { level: word === "groups" ? "group" : "project", id };
    }
  }
  return undefined;
}

export function requireOwner(path: string, what: string): PathOwner {
  const owner = ownerOfPath(path);
  if (owner) return owner;
  throw new FormatError("invalid_path", {
    file: path,
    reason: `cannot tell which group or project these ${what} belong to: save the file as groups/<id>/${what}.json or projects/<id>/${what}.json`,
  });
}
