import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/*
 * The gcloud exports under ./gcloud, written from what `gcloud … --format=json` prints for the
 * documented IAM v1 and Resource Manager payloads (project acme-payments-prod, number
 * 415104041262). Key ids are made-up 40-hex ids; no file holds a private key.
 */

export const PROJECT_ID = "acme-payments-prod";
export const PROJECT_NUMBER = "415104041262";
export const DEPLOYER = "payments-deployer@acme-payments-prod.iam.gserviceaccount.com";
export const LEGACY_BATCH = "legacy-batch@acme-payments-prod.iam.gserviceaccount.com";
export const LEDGER_EXPORT = "ledger-export@acme-payments-prod.iam.gserviceaccount.com";
export const DEFAULT_COMPUTE = "415104041262-compute@developer.gserviceaccount.com";
export const DEFAULT_APP_ENGINE = "acme-payments-prod@appspot.gserviceaccount.com";

const root = fileURLToPath(new URL("./gcloud/", import.meta.url));

/** Every export, with its path relative to the gcloud folder (the import root in tests). */
export const gcloudFiles: { path: string; content: string }[] = readdirSync(root, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => {
    const full = join(entry.parentPath, entry.name);
    return { path: relative(root, full).split("\\").join("/"), content: readFileSync(full, "utf8") };
  })
  .sort((a, b) => a.path.localeCompare(b.path));

export function gcloudText(path: string): string {
  const file = gcloudFiles.find((f) => f.path === path);
  if (!file) throw new Error(`no gcloud fixture ${path}`);
  return file.content;
}

export const gcloudJson = <T = Record<string, unknown>[]>(path: string): T => JSON.parse(gcloudText(path)) as T;
