import { NetworkPolicy, SdkError, defineStream } from "../../sdk";
import { repositoryId, repositoryName, type CodeConfig } from "../config";
import { SECRET_TYPE, FILE_TYPE, REPOSITORY_TYPE } from "../external-types";
import { assertCloneUrl, isCloneUrl, openRepositoryAsync } from "../git/open-repository";
import { scanRepository } from "../scan/scan-repository";
import { codeItemSchema, type CodeItem } from "../schemas";
import { repositoryRecords } from "../transform/repository-records";
import { secretRecords } from "../transform/secret-records";

async function checkCloneHost(location: string, config: CodeConfig): Promise<void> {
  if (!isCloneUrl(location)) return;
  const url = assertCloneUrl(location, config);
  const policy = new NetworkPolicy({
    allowPrivateNetworks: config.allowPrivateNetworks,
    allowHosts: config.allowHosts,
    allowCidrs: config.allowCidrs,
  });
  // git resolves the name again itself; this refuses metadata, link-local and (unless allowed) private hosts up front.
  await policy.resolve(url.hostname);
}

/** One page per repository: the repository item, then one item per distinct secret value. */
export const secretsStream = defineStream<CodeConfig, CodeItem>({
  name: "secrets",
  externalTypes: [REPOSITORY_TYPE, FILE_TYPE, SECRET_TYPE],
  item: codeItemSchema,
  async list({ scope, ctx }) {
    // The scope id is the repository id; the configured location may differ (user name in an ssh URL).
    const location = ctx.config.repositories.find((r) => repositoryId(r) === scope.id);
    if (!location) throw new SdkError("unknown_scope", "repository: no configured repository has this scope id");
    await checkCloneHost(location, ctx.config);
    const opened = await openRepositoryAsync(location, ctx.config);
    try {
      const items = scanRepository(opened.gitDir, {
        repository: repositoryId(location),
        name: repositoryName(location),
        maxFileBytes: ctx.config.maxFileBytes,
      });
      ctx.log.info("repository scanned", { repository: repositoryId(location), secrets: items.length - 1 });
      return { items };
    } finally {
      opened.close();
    }
  },
  transform: (item, { fingerprint }) => (item.kind === "repository" ? repositoryRecords(item) : secretRecords(item, fingerprint)),
});
