"use server";

import { z } from "zod";
import { AppError } from "@/lib/errors";
import { requireCaller } from "@/lib/auth/session-context";
import { changeOwnPassword, changePasswordSchema } from "@/lib/auth/account";

export type PasswordResult = { ok: true; message: string } | { ok: false; error: string; field?: string };

export async function changePasswordAction(input: unknown): Promise<PasswordResult> {
  try {
    const caller = await requireCaller();
    const { sessionsEnded } = await changeOwnPassword(caller, changePasswordSchema.parse(input));
    return { ok: true, message: `Password changed.${sessionsEnded ? ` ${sessionsEnded} other session(s) ended.` : ""}` };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.message, field: error.field };
    if (error instanceof z.ZodError) {
      const issue = error.issues[0]!;
      return { ok: false, error: issue.message, field: issue.path.join(".") };
    }
    throw error;
  }
}
