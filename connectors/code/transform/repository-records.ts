import type { KeywardRecordInput } from "../../sdk";
import { FILE_TYPE, REPOSITORY_TYPE } from "../external-types";
import type { RepositoryItem } from "../schemas";

export const repositoryRef = (repository: string) => ({ externalType: REPOSITORY_TYPE, externalId: repository });
export const fileRef = (repository: string, path: string) => ({ externalType: FILE_TYPE, externalId: `${repository}:${path}` });

/** The scanned repository (with what the scan could not read) and each file that holds or held a secret. */
export function repositoryRecords(item: RepositoryItem): KeywardRecordInput[] {
  const repo = repositoryRef(item.repository);
  const records: KeywardRecordInput[] = [
    {
      kind: "resource",
      ...repo,
      name: item.name,
      type: "repository",
      attributes: {
        ...(item.headCommit ? { headCommit: item.headCommit } : {}),
        blobsScanned: item.blobsScanned,
        binaryBlobsSkipped: item.binaryBlobsSkipped,
        // Coverage note: files over the cap were not read, so a secret in one would be missed.
        largeBlobsSkipped: item.largeBlobsSkipped.map((f) => ({ ...f })),
        largeBlobsSkippedCount: item.largeBlobsSkippedCount,
        maxFileBytes: item.maxFileBytes,
      },
    },
  ];
  for (const file of item.files) {
    const ref = fileRef(item.repository, file.path);
    records.push({
      kind: "resource",
      ...ref,
      name: file.path,
      type: "file",
      attributes: { repository: item.repository, path: file.path, inHead: file.inHead },
    });
    records.push({ kind: "edge", type: "stored_in", from: ref, to: repo });
  }
  return records;
}
