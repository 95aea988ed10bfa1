import "server-only";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { EXPORT_SECTIONS, type InventoryExport } from "@/lib/inventory/export-types";

/** Bytes buffered before a write: few syscalls, bounded memory. */
const CHUNK_CHARS = 64 * 1024;

/** Writes to a stream, waiting when it asks to (a slow pipe must not buffer the whole export). */
export class ChunkedWriter {
  private buffer = "";
  constructor(private readonly out: Writable) {}

  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= CHUNK_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer === "") return;
    const chunk = this.buffer;
    this.buffer = "";
    if (!this.out.write(chunk)) await once(this.out, "drain");
  }
}

/**
 * Writes the export as one JSON document, streaming: one entry per line inside each section, so
 * the output is both valid JSON and friendly to `diff` and line tools.
 */
export async function writeExportJson(document: InventoryExport, out: Writable): Promise<number> {
  const writer = new ChunkedWriter(out);
  let entries = 0;
  await writer.write(`{\n"keyward": ${JSON.stringify(document.keyward)},\n"asOf": ${JSON.stringify(document.asOf)}`);
  for (const section of EXPORT_SECTIONS) {
    await writer.write(`,\n${JSON.stringify(section)}: [`);
    let first = true;
    for await (const entry of document[section] as AsyncIterable<unknown>) {
      await writer.write(`${first ? "\n" : ",\n"}${JSON.stringify(entry)}`);
      first = false;
      entries += 1;
    }
    await writer.write(first ? "]" : "\n]");
  }
  await writer.write("\n}\n");
  await writer.flush();
  return entries;
}
