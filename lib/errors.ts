import { z } from "zod";

/**
 * Typed errors with a stable code. The web layer maps them to status codes and messages; a user
 * never sees a stack trace.
 */
export class AppError extends Error {
  constructor(
    readonly code: "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "INVALID_INPUT" | "CONFLICT",
    message: string,
    /** For INVALID_INPUT: the field that is wrong. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export const HTTP_STATUS: Record<AppError["code"], number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
};

/** What a server action returns when it refuses: a message for the user and the field to mark. */
export type ActionFailure = { ok: false; error: string; field?: string };

/**
 * Turns an expected error (typed AppError, or a zod validation error) into an action result;
 * anything else is a bug and is rethrown so Next logs it and shows a generic error.
 */
export function toActionFailure(error: unknown): ActionFailure {
  if (error instanceof AppError) return { ok: false, error: error.message, field: error.field };
  if (error instanceof z.ZodError && error.issues[0]) {
    return { ok: false, error: error.issues[0].message, field: error.issues[0].path.map(String).join(".") };
  }
  throw error;
}
