import JSZip from "jszip";

/** Test helpers (never imported by production code): change an evidence pack the way an attacker could. */

export async function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  const archive = await JSZip.loadAsync(zip);
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(archive.files)) if (!entry.dir) files.set(entry.name, await entry.async("nodebuffer"));
  return files;
}

export async function rezip(files: Map<string, Buffer>): Promise<Buffer> {
  const archive = new JSZip();
  for (const [name, contents] of files) archive.file(name, contents);
  return archive.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The pack with `edit` applied to its files (a copy of the map). */
export async function tamper(zip: Buffer, edit: (files: Map<string, Buffer>) => void): Promise<Buffer> {
  const files = await unzip(zip);
  edit(files);
  return rezip(files);
}

/** A copy of `bytes` with its middle byte's lowest bit flipped: a one-byte change. */
export function flipOneByte(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  const at = Math.floor(copy.length / 2);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}
