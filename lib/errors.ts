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
