"use server";

import { toActionFailure } from "@/lib/errors";
import { requireCaller } from "@/lib/auth/session-context";
import { changeOwnPassword, changePasswordSchema } from "@/lib/auth/account";

export type PasswordResult = { ok: true; message: string } | { ok: false; error: string; field?: string };

export async function changePasswordAction(input: unknown): Promise<PasswordResult> {
  try {
    const caller = await requireCaller();
    const { sessionsEnded } = await changeOwnPassword(caller, changePasswordSchema.parse(input));
    return { ok: true, message: `Password changed.${sessionsEnded ? ` ${sessionsEnded} other session(s) ended.` : ""}` };
  } catch (error) {
    return toActionFailure(error);
  }
}
