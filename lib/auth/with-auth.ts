import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import { getCaller, type Caller } from "@/lib/auth/session-context";
import { roleCan, type Permission } from "@/lib/auth/permissions";

type Handler<P> = (request: NextRequest, context: { caller: Caller; params: P }) => Promise<Response>;

function errorResponse(code: AppError["code"], message: string, field?: string): Response {
  return NextResponse.json({ error: { code, message, ...(field ? { field } : {}) } }, { status: HTTP_STATUS[code] });
}

/**
 * Wraps an `/api/v1` route handler: authenticates (401), checks the declared permission (403) and
 * turns typed errors into JSON with a status code. The data layer checks again; this is the door.
 */
export function withAuth<P = Record<string, never>>(handler: Handler<P>, options: { permission: Permission }) {
  return async (request: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    const caller = await getCaller();
    if (!caller) return errorResponse("UNAUTHENTICATED", "Authentication required.");
    if (!roleCan(caller.role, options.permission)) return errorResponse("FORBIDDEN", `Requires ${options.permission}.`);
    try {
      return await handler(request, { caller, params: await context.params });
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error.code, error.message, error.field);
      if (error instanceof z.ZodError) {
        const issue = error.issues[0]!;
        return errorResponse("INVALID_INPUT", issue.message, issue.path.join("."));
      }
      throw error;
    }
  };
}
