import { defineConnector } from "../sdk";
import { checkCode } from "./check";
import { codeConfigSchema, repositoryId, repositoryName } from "./config";
import { gitBundleFormat } from "./formats/git-bundle";
import { secretsStream } from "./streams/secrets";

/**
 * Secrets committed to git repositories, including history: every unique blob of every ref is
 * scanned once against a compact rule table (scan/rules.ts) with decoy handling; each secret value
 * becomes a credential located by file, line and commit, fingerprinted and dropped. Live: local
 * paths, bundles and clone URLs; offline: git bundles.
 */
export const codeConnector = defineConnector({
  provider: "code",
  displayName: "Secrets in code",
  configSchema: codeConfigSchema,
  secretFields: [],
  permissions: [
    {
      stream: "secrets",
      permission: "git clone / fetch (read)",
      why: "Mirrors each clone URL, all refs, into a temp dir to scan its history; a deploy key or read-only token is enough.",
    },
  ],
  check: checkCode,
  scopes: async (ctx) =>
    ctx.config.repositories.map((location) => ({ id: repositoryId(location), label: repositoryName(location) })),
  streams: [secretsStream],
  formats: [gitBundleFormat],
});
