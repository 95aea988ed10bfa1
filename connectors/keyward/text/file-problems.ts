import type { z } from "zod";
import { FormatError } from "../../sdk";

/** One thing wrong with a file, printable as `file: line N: field: reason`. */
export interface FileProblem {
  readonly field?: string;
  readonly line?: number;
  readonly reason: string;
}

/**
 * Most problems a file reports at once. Enough to show a pattern (a wrong date format in every
 * row), few enough that a broken million-row file does not flood the terminal.
 */
export const MAX_PROBLEMS_PER_FILE = 20;

/**
 * A `FormatError` listing every problem found in the file, not only the first: fixing a file
 * one error per run is slow. The SDK's fields (`field`, `line`, `reason`) hold the first problem,
 * so anything that only knows `FormatError` still prints something true.
 */
export class FileProblemsError extends FormatError {
  readonly problems: readonly FileProblem[];

  constructor(file: string, problems: readonly FileProblem[]) {
    const first = problems[0] ?? { reason: "invalid file" };
    super("parse_failed", { file, field: first.field, line: first.line, reason: first.reason });
    this.problems = problems.slice(0, MAX_PROBLEMS_PER_FILE);
  }
}

/** Collects problems for a file and throws them together. */
export class ProblemList {
  readonly items: FileProblem[] = [];

  add(problem: FileProblem): void {
    if (this.items.length < MAX_PROBLEMS_PER_FILE) this.items.push(problem);
  }

  get full(): boolean {
    return this.items.length >= MAX_PROBLEMS_PER_FILE;
  }

  throwIfAny(file: string): void {
    if (this.items.length > 0) throw new FileProblemsError(file, this.items);
  }
}

/**
 * Turns zod issues into problems. zod's messages describe the expected shape and never the input,
 * except `unrecognized_keys`, whose message quotes the keys: those are reported one per key
 * through `fieldOf`, which decides whether a key may be printed.
 */
export function addZodIssues(
  list: ProblemList,
  issues: readonly z.core.$ZodIssue[],
  where: {
    fieldOf: (path: readonly PropertyKey[]) => string | undefined;
    lineOf: (path: readonly PropertyKey[]) => number | undefined;
  },
): void {
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        list.add({ field: where.fieldOf(path), line: where.lineOf(path), reason: "unknown field" });
      }
    } else {
      list.add({ field: where.fieldOf(issue.path), line: where.lineOf(issue.path), reason: issue.message });
    }
  }
}
