/*
 * The PDF renderer's child process (lib/pdf/render-pdf.ts): reads { kind, data } as JSON on stdin,
 * writes the PDF of that registered document (pdf-documents.ts) to stdout. Started without the
 * `react-server` condition, so react-pdf finds React's client build. It touches nothing else: no
 * database, no environment. An unknown kind exits with code 2 and a one-line message.
 */
import { isPdfKind, PDF_KINDS, renderPdfInProcess } from "@/lib/pdf/pdf-documents";

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const input = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { kind?: unknown; data?: unknown };
if (!isPdfKind(input.kind)) {
  process.stderr.write(`unknown PDF kind ${JSON.stringify(input.kind)}; expected one of ${PDF_KINDS.join(", ")}\n`);
  process.exit(2);
}
process.stdout.write(await renderPdfInProcess(input.kind, input.data as never));
