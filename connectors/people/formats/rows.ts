import { personItemSchema, type PersonField } from "../schemas";
import { addZodIssues, type ProblemList } from "../../keyward/text/file-problems";
import { scanEntry } from "../../keyward/text/entry-scan";

/** Where a person is in its file. `line` is lazy: locating a JSON entry costs a scan of the text. */
export interface PersonPlace {
  line(): number | undefined;
  fieldOf(field: string): string;
}

/**
 * Shared by the CSV and JSON formats: validates one person (already mapped to field names),
 * refuses secret-looking or unstorable text, and a repeated e-mail (naming the first one's line).
 */
export class PersonChecker {
  private readonly first = new Map<string, PersonPlace>();

  constructor(private readonly problems: ProblemList) {}

  /** True when the person is valid and new; problems are added otherwise. */
  check(person: Partial<Record<PersonField, unknown>>, place: PersonPlace): boolean {
    const result = personItemSchema.safeParse(person);
    if (!result.success) {
      const where = {
        fieldOf: (path: readonly PropertyKey[]) => place.fieldOf(String(path[0] ?? "")),
        lineOf: () => place.line(),
      };
      addZodIssues(this.problems, result.error.issues, where);
      return false;
    }
    const hits = scanEntry(person);
    for (const hit of hits)
      this.problems.add({ field: place.fieldOf(String(hit.path[0])), line: place.line(), reason: hit.reason });
    if (hits.length > 0) return false;
    const key = result.data.email;
    const earlier = this.first.get(key);
    if (earlier) {
      const firstLine = earlier.line();
      this.problems.add({
        field: place.fieldOf("email"),
        line: place.line(),
        reason: `same e-mail as ${firstLine ? `line ${firstLine}` : "an earlier person"}`,
      });
      return false;
    }
    this.first.set(key, place);
    return true;
  }
}
