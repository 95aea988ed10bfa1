"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";

const themeSchema = z.enum(["light", "dark", "system"]);

/** Stores the theme choice in a cookie so the server renders the right colours (no flash). */
export async function setThemeAction(theme: string): Promise<void> {
  const parsed = themeSchema.safeParse(theme);
  if (!parsed.success) return;
  (await cookies()).set("theme", parsed.data, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
  revalidatePath("/", "layout");
}
