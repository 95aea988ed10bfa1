"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { toActionFailure } from "@/lib/errors";
import { requireCaller } from "@/lib/auth/session-context";
import { changeUserRole, inviteUser, inviteUserSchema, setUserDisabled } from "@/lib/auth/user-admin";
import { ROLES } from "@/lib/auth/permissions";

export type ActionResult = { ok: true; message?: string; password?: string | null } | { ok: false; error: string; field?: string };

async function run(fn: () => Promise<ActionResult>): Promise<ActionResult> {
  try {
    const result = await fn();
    revalidatePath("/settings/users");
    return result;
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function inviteUserAction(input: unknown): Promise<ActionResult> {
  return run(async () => {
    const caller = await requireCaller();
    const parsed = inviteUserSchema.parse(input);
    const { user, password } = await inviteUser(caller, parsed);
    return { ok: true, message: `Invited ${user.email}.`, password };
  });
}

const roleChangeSchema = z.object({ userId: z.uuid(), role: z.enum(ROLES) });

export async function changeUserRoleAction(input: unknown): Promise<ActionResult> {
  return run(async () => {
    const caller = await requireCaller();
    const { userId, role } = roleChangeSchema.parse(input);
    await changeUserRole(caller, userId, role);
    return { ok: true, message: "Role changed." };
  });
}

const disableSchema = z.object({ userId: z.uuid(), disabled: z.boolean() });

export async function setUserDisabledAction(input: unknown): Promise<ActionResult> {
  return run(async () => {
    const caller = await requireCaller();
    const { userId, disabled } = disableSchema.parse(input);
    await setUserDisabled(caller, userId, disabled);
    return { ok: true, message: disabled ? "User disabled; their sessions have ended." : "User enabled." };
  });
}
