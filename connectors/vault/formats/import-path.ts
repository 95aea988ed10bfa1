import { FormatError } from "../../sdk";

/*
 * Vault answers that do not name their object are saved under their API path, relative to the
 * import root: `auth/<mount>/role/<name>.json`, `auth/<mount>/role/<name>/secret-id/<accessor>.json`,
 * `<mount>/metadata/<path>.json`. Folders above those (an export's own folders) are ignored.
 * Offline files are read as the root namespace's.
 */

const segmentsOf = (path: string): string[] =>
  path
    .replace(/\.json$/i, "")
    .split("/")
    .filter(Boolean);

/**
 * `auth/<mount…>/role/<name>` from the segments around a `role` folder. The mount is what lies
 * between the last `auth` folder and `role` (a single folder when there is no `auth`).
 */
function rolePathAt(segments: readonly string[], roleIndex: number): string | undefined {
  const name = segments[roleIndex + 1];
  if (roleIndex < 1 || !name) return undefined;
  const authIndex = segments.lastIndexOf("auth", roleIndex - 1);
  const mount = authIndex === -1 ? [segments[roleIndex - 1]] : segments.slice(authIndex + 1, roleIndex);
  return mount.length > 0 ? `auth/${mount.join("/")}/role/${name}` : undefined;
}

function invalidPath(file: string, reason: string): FormatError {
  return new FormatError("invalid_path", { file, reason });
}

/** The AppRole a saved role read belongs to: the file is `…/auth/<mount>/role/<name>.json`. */
export function rolePathOfRoleFile(path: string): string {
  const segments = segmentsOf(path);
  const rolePath = segments.at(-2) === "role" ? rolePathAt(segments, segments.length - 2) : undefined;
  if (rolePath) return rolePath;
  throw invalidPath(path, "cannot tell which AppRole this is: save it as auth/<mount>/role/<name>.json");
}

/** The AppRole of saved secret-id lookups: `…/auth/<mount>/role/<name>/secret-id…`. */
export function rolePathOfSecretIdFile(path: string): string {
  const segments = segmentsOf(path);
  const roleIndex = segments.lastIndexOf("role", segments.length - 3);
  const rolePath = roleIndex === -1 ? undefined : rolePathAt(segments, roleIndex);
  if (rolePath) return rolePath;
  throw invalidPath(
    path,
    "cannot tell which AppRole these secret ids belong to: save them under auth/<mount>/role/<name>/secret-id/",
  );
}

/** The KV v2 mount and secret path of saved metadata: `…/<mount>/metadata/<path>.json`. */
export function kvPathOfMetadataFile(path: string): { mount: string; path: string } {
  const segments = segmentsOf(path);
  const metadataIndex = segments.lastIndexOf("metadata", segments.length - 2);
  if (metadataIndex >= 1) {
    return { mount: `${segments[metadataIndex - 1]}/`, path: segments.slice(metadataIndex + 1).join("/") };
  }
  throw invalidPath(path, "cannot tell which secret this metadata belongs to: save it as <mount>/metadata/<path>.json");
}
