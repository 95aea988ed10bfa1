import { FormatError } from "../../sdk";
import { PROJECT_ID } from "../config";

/*
 * `gcloud projects get-iam-policy P` prints a policy that does not name P, so the import path
 * must. Accepted, in this order:
 *
 * 1. a folder after a `projects` folder, as in the API path: `projects/<project>/iam-policy.json`;
 * 2. the file name, when it is a project id: `<project>.json`;
 * 3. the folder holding the file: `<project>/iam-policy.json` (a file name that mentions
 *    "policy" or "bindings" is taken for a description, not a project).
 */

const DESCRIPTIVE_NAME = /policy|bindings/i;

function projectIdFromPath(path: string): string | undefined {
  const segments = path.split("/");
  const file = (segments.pop() ?? "").replace(/\.json$/i, "");
  const afterProjects = segments.findIndex((segment, index) => index > 0 && segments[index - 1] === "projects" && PROJECT_ID.test(segment));
  if (afterProjects !== -1) return segments[afterProjects];
  if (PROJECT_ID.test(file) && !DESCRIPTIVE_NAME.test(file)) return file;
  const folder = segments.at(-1);
  return folder !== undefined && PROJECT_ID.test(folder) && folder !== "projects" ? folder : undefined;
}

/** The project an IAM policy file belongs to, or a FormatError naming the file. */
export function projectIdOfPolicyFile(path: string): string {
  const projectId = projectIdFromPath(path);
  if (projectId) return projectId;
  throw new FormatError("invalid_path", {
    file: path,
    reason: "cannot tell which project this IAM policy belongs to: save it as <project>.json or <project>/iam-policy.json",
  });
}
