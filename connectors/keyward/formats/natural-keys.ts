/** The key two entries of one section must not share: what the loader would upsert on. */
export type SectionName = "identities" | "credentials" | "resources" | "edges" | "people";

type Ref = { externalType?: unknown; externalId?: unknown };
type Loose = { externalType?: unknown; externalId?: unknown; type?: unknown; from?: Ref; to?: Ref; email?: unknown };

/** Returns the natural key of a validated entry. */
export function naturalKeyOf(section: SectionName, entry: Loose): string {
  switch (section) {
    case "edges":
      return JSON.stringify([
        entry.type,
        entry.from?.externalType,
        entry.from?.externalId,
        entry.to?.externalType,
        entry.to?.externalId,
      ]);
    case "people":
      return String(entry.email).trim().toLowerCase();
    default:
      return JSON.stringify([entry.externalType, entry.externalId]);
  }
}

/**
 * Remembers where each key was first seen (a CSV line, or an entry index whose line is looked up
 * only when a duplicate is found: locating every entry up front would be quadratic).
 */
export class DuplicateTracker {
  private readonly seen = new Map<string, number>();

  /** Returns undefined for a new key, or the position of its first occurrence. */
  check(section: SectionName, entry: Loose, position: number): number | undefined {
    const key = `${section}|${naturalKeyOf(section, entry)}`;
    const first = this.seen.get(key);
    if (first !== undefined) return first;
    this.seen.set(key, position);
    return undefined;
  }
}

/** The reason printed for a duplicate; never quotes the key (it is file content). */
export function duplicateReason(section: SectionName, firstLine: number | undefined): string {
  const what = section === "people" ? "e-mail" : section === "edges" ? "edge (type, from, to)" : "externalType and externalId";
  return firstLine ? `same ${what} as the entry on line ${firstLine}` : `same ${what} as an earlier entry`;
}
