import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** What `next build` reads. A change in any of these makes the production build stale. */
const BUILD_INPUTS = ["app", "components", "lib", "connectors", "public", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json", "proxy.ts"];
const SKIP = new Set(["node_modules", ".next", "generated", "__fixtures__"]);
const STAMP_FILE = ".next/keyward-build-stamp";

function walk(dir: string, out: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (!/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
}

/** A content hash of the build inputs (a fresh clone has new mtimes, so contents are what count). */
export function sourceStamp(home: string): string {
  const files: string[] = [];
  for (const input of BUILD_INPUTS) {
    const full = path.join(home, input);
    if (!fs.existsSync(full)) continue;
    if (fs.statSync(full).isDirectory()) walk(full, files);
    else files.push(full);
  }
  const hash = createHash("sha256");
  for (const file of files.sort()) hash.update(path.relative(home, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  return hash.digest("hex");
}

export function isBuildCurrent(home: string): boolean {
  const stamp = path.join(home, STAMP_FILE);
  return fs.existsSync(path.join(home, ".next/BUILD_ID")) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === sourceStamp(home);
}

export function writeBuildStamp(home: string): void {
  fs.writeFileSync(path.join(home, STAMP_FILE), sourceStamp(home));
}
