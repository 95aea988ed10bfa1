import type { BlobEntry } from "./list-blobs";
import { runGit } from "./run-git";

/** Bytes of blob content one `git cat-file --batch` call returns at most (the rest goes to the next call). */
const CHUNK_BYTES = 128 * 1024 * 1024;

/**
 * Calls `visit` with the content of every blob, in order, reading them with as few
 * `git cat-file --batch` processes as the chunk size allows (one for most repositories).
 */
export function readBlobs(gitDir: string, blobs: readonly BlobEntry[], visit: (blob: BlobEntry, content: Buffer) => void): void {
  let start = 0;
  while (start < blobs.length) {
    let end = start;
    let bytes = 0;
    while (end < blobs.length && (end === start || bytes + blobs[end]!.size <= CHUNK_BYTES)) bytes += blobs[end++]!.size;
    const chunk = blobs.slice(start, end);
    const output = runGit(["cat-file", "--batch"], { gitDir, input: chunk.map((b) => b.oid).join("\n") + "\n" });
    let offset = 0;
    for (const blob of chunk) {
      // Each answer is "<oid> <type> <size>\n<content>\n".
      const headerEnd = output.indexOf(10, offset);
      const size = Number(output.toString("latin1", offset, headerEnd).split(" ")[2]);
      const content = output.subarray(headerEnd + 1, headerEnd + 1 + size);
      offset = headerEnd + 1 + size + 1;
      visit(blob, content);
    }
    start = end;
  }
}
