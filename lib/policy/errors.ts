import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** The shipped rule catalogue (policies/rules.json) does not validate: a packaging bug, not user input. */
export class PolicyCatalogueError extends Error {
  readonly code = "INVALID_CATALOGUE";
  constructor(readonly problems: string[]) {
    super(`policies/rules.json is invalid: ${problems.join("; ")}`);
  }
}

/** INVALID_INPUT naming the first bad field of a failed zod parse (`scope.subjectId`, `until`…). */
export function invalidInput(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.join(".") ?? "";
  return new AppError("INVALID_INPUT", issue?.message ?? "Invalid input.", field || undefined);
}
