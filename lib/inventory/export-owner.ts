import { z } from "zod";
import type { ExportLocation, ExportOwner } from "@/lib/inventory/export-types";

/*
 * JSON columns are written by the loader from validated records, but they are read back through
 * zod anyway: a row edited by hand or by an older version must not break an export with a TypeError.
 */

const ownerHintSchema = z.object({ email: z.string().optional(), team: z.string().optional(), provenance: z.string() });

/** The owner shown for a node: today the source's owner hint (assignments will take precedence). */
export function ownerOf(hint: unknown): ExportOwner | null {
  const parsed = ownerHintSchema.safeParse(hint);
  if (!parsed.success || (!parsed.data.email && !parsed.data.team)) return null;
  const { email, team, provenance } = parsed.data;
  return { email: email ?? null, ...(team ? { team } : {}), provenance };
}

const locationSchema = z.object({
  source: z.string().optional(),
  path: z.string().optional(),
  line: z.number().optional(),
  commit: z.string().optional(),
  historyOnly: z.boolean().optional(),
});

export function locationsOf(value: unknown): ExportLocation[] {
  const parsed = z.array(locationSchema).safeParse(value);
  if (!parsed.success) return [];
  return parsed.data.map((l) => ({
    source: l.source ?? null,
    path: l.path ?? null,
    line: l.line ?? null,
    commit: l.commit ?? null,
    historyOnly: l.historyOnly ?? null,
  }));
}

export function refOf(value: unknown): { externalType: string; externalId: string } | null {
  const parsed = z.object({ externalType: z.string(), externalId: z.string() }).safeParse(value);
  return parsed.success ? { externalType: parsed.data.externalType, externalId: parsed.data.externalId } : null;
}

export const jsonObject = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

export const stringMap = (value: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries(jsonObject(value)).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
