import { Font } from "@react-pdf/renderer";

/*
 * What Keyward's report PDFs share (the compliance report, the inventory summary): the palette and
 * the rule that words are never hyphenated, so ids, rule names, e-mail addresses and types read
 * exactly as in the JSON and the inventory. Not `server-only`: the renderer's child loads it.
 */

export const PDF_COLORS = {
  fg: "#0f172a",
  muted: "#64748b",
  border: "#e2e8f0",
  surface: "#f8fafc",
  accent: "#4f46e5",
  critical: "#b91c1c",
  high: "#ea580c",
} as const;

/** Wrap at spaces only (idempotent: react-pdf keeps one callback). */
export function keepWordsWhole(): void {
  Font.registerHyphenationCallback((word) => [word]);
}
