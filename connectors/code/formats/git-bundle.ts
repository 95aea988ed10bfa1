import { defineFormat, FormatError, type InspectedFile } from "../../sdk";
import { openBundle } from "../git/open-repository";
import { scanRepository } from "../scan/scan-repository";

/** `git bundle create` writes this signature first (v3 since git 2.31 with `--version=3`). */
const BUNDLE_SIGNATURE = /^# v[23] git bundle\n/;

function signatureOf(file: InspectedFile): string {
  return Buffer.from(file.bytes.subarray(0, 20)).toString("latin1");
}

/** A git bundle (`git bundle create repo.bundle --all`): the whole history, scanned like a live repository. */
export const gitBundleFormat = defineFormat({
  id: "code.git-bundle",
  description: "git bundle of a repository (git bundle create <file> --all), scanned including its full history",
  detect: (file) => BUNDLE_SIGNATURE.test(signatureOf(file)),
  parse(file) {
    let opened;
    try {
      opened = openBundle(file.bytes);
    } catch {
      throw new FormatError("parse_failed", {
        file: file.path,
        reason: "git could not read the bundle (truncated, or not a complete bundle?)",
      });
    }
    try {
      // Imported bundles have no URL: the path relative to the import root names the repository.
      const items = scanRepository(opened.gitDir, {
        repository: `bundle:${file.path}`,
        name: file.path
          .split("/")
          .pop()!
          .replace(/\.bundle$/, ""),
      });
      return [{ stream: "secrets", items }];
    } finally {
      opened.close();
    }
  },
});
