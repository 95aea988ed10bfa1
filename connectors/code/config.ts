import { z } from "zod";
import { DEFAULT_MAX_FILE_BYTES } from "./scan/scan-repository";

/*
 * Source config: the repositories to scan. A location is a local path (working copy or bare
 * repository), a local bundle file, or an https:// / ssh:// clone URL the worker can reach, which is
 * mirrored (`git clone --mirror`) into a temp dir for the scan and removed afterwards.
 */

function withoutUserInfo(location: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) return true;
  const url = URL.parse(location);
  return url !== null && !url.password && !(url.username && url.protocol === "https:");
}

export const codeConfigSchema = z.strictObject({
  repositories: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .refine(withoutUserInfo, "must not carry a password or an https user name (use a credential helper or deploy key)"),
    )
    .min(1),
  /** Blobs larger than this are not scanned and are listed on the repository record instead. */
  maxFileBytes: z.number().int().positive().default(DEFAULT_MAX_FILE_BYTES),
  /** Same meaning as the guarded HTTP client, applied to the clone URL's host before cloning. */
  allowPrivateNetworks: z.boolean().default(false),
  /** Allow plain http:// clone URLs (an internal mirror, a test server). */
  allowInsecureHttp: z.boolean().default(false),
  allowHosts: z.array(z.string().min(1)).default([]),
  allowCidrs: z.array(z.string().min(1)).default([]),
});
export type CodeConfig = z.output<typeof codeConfigSchema>;

/** Stable id of a repository: a URL without user-info, query or fragment; or the path as configured. */
export function repositoryId(location: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) return location;
  const url = new URL(location);
  return `${url.protocol}//${url.host.toLowerCase()}${url.pathname}`;
}

/** A short display name: the last path segment without `.git` / `.bundle`. */
export function repositoryName(location: string): string {
  const last =
    location
      .replace(/[\\/]+$/, "")
      .split(/[\\/]/)
      .pop() ?? location;
  return last.replace(/\.(?:git|bundle)$/, "") || location;
}
