/*
 * Test support (not shipped code): reads back a rendered PDF the way a person would see it: every
 * page as PNG (pdf-to-img) with its share of non-background pixels, and its text as lines
 * (pdfjs-dist getTextContent, items grouped by baseline).
 */
import { createRequire } from "node:module";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { pdf } from "pdf-to-img";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** pdfjs reads the 14 standard fonts' metrics from here (Helvetica is one). */
const STANDARD_FONTS = `${path.join(path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

export type PdfLine = { page: number; text: string; items: string[] };

/** The PNG pages of a PDF. */
export async function pdfPages(bytes: Buffer, scale = 1.5): Promise<Buffer[]> {
  const pages: Buffer[] = [];
  for await (const image of await pdf(bytes, { scale })) pages.push(Buffer.from(image));
  return pages;
}

/** Share of pixels of an 8-bit RGB(A) PNG that are not (near) white: 0 for a blank page. */
export function inkShare(png: Buffer): number {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const [bitDepth, colourType, , , interlace] = [png[24], png[25], png[26], png[27], png[28]];
  if (bitDepth !== 8 || (colourType !== 6 && colourType !== 2) || interlace !== 0) throw new Error(`unsupported PNG (${bitDepth}-bit, type ${colourType})`);
  const channels = colourType === 6 ? 4 : 3;
  const idat: Buffer[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("latin1", offset + 4, offset + 8);
    if (type === "IDAT") idat.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const previous = Buffer.alloc(stride);
  const line = Buffer.alloc(stride);
  let ink = 0;
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? line[x - channels]! : 0;
      const b = previous[x]!;
      const c = x >= channels ? previous[x - channels]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      line[x] = (row[x]! + predictor) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const i = x * channels;
      if (line[i]! < 235 || line[i + 1]! < 235 || line[i + 2]! < 235) ink += 1;
    }
    line.copy(previous);
  }
  return ink / (width * height);
}

/** Every line of text in reading order: items on one baseline (within half a point), left to right. */
export async function pdfLines(bytes: Buffer): Promise<PdfLine[]> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, standardFontDataUrl: STANDARD_FONTS }).promise;
  const lines: PdfLine[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    const byBaseline = new Map<number, Array<{ x: number; str: string }>>();
    for (const item of content.items) {
      if (!("str" in item) || item.str.trim() === "") continue;
      const y = Math.round(item.transform[5] * 2) / 2;
      const key = [...byBaseline.keys()].find((k) => Math.abs(k - y) <= 0.5) ?? y;
      byBaseline.set(key, [...(byBaseline.get(key) ?? []), { x: item.transform[4], str: item.str.trim() }]);
    }
    for (const [, items] of [...byBaseline.entries()].sort(([a], [b]) => b - a)) {
      const ordered = items.sort((a, b) => a.x - b.x).map((i) => i.str);
      lines.push({ page: number, items: ordered, text: ordered.join(" ").replace(/\s+/g, " ") });
    }
  }
  await document.destroy();
  return lines;
}
