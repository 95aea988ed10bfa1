import "server-only";
import { z } from "zod";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import { callerAsActor, requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { firstPage, parseInventoryState, serializeInventoryState } from "@/lib/inventory/inventory-url";

/*
 * Saved views: per user, a name and the inventory page's canonical URL query. Saving and deleting
 * are audited in the same transaction. A view is the URL, so opening one is following a link.
 */

export type SavedViewDto = { id: string; name: string; query: string; createdAt: string };

/** Enough for anyone's habits; keeps the menu a menu. */
export const MAX_SAVED_VIEWS = 50;

export const savedViewInputSchema = z.object({
  name: z.string().trim().min(1, "Give the view a name.").max(80, "Keep the name under 80 characters."),
  /** The page's query string (with or without "?"); it is re-read and written canonically. */
  query: z.string().max(10_000),
});
export type SavedViewInput = z.infer<typeof savedViewInputSchema>;

export const savedViewIdSchema = z.uuid("No such view.");

/** Views belong to a signed-in user; the CLI's system caller has none. */
function userIdOf(caller: Caller): string {
  requirePermission(caller, "inventory:read");
  if (!caller.userId) throw new AppError("FORBIDDEN", "Only a signed-in user has saved views.");
  return caller.userId;
}

/** The view's query as the page writes it, from its first page (a cursor goes stale). */
function canonicalQuery(query: string): string {
  return serializeInventoryState(firstPage(parseInventoryState(new URLSearchParams(query.replace(/^\?/, "")))));
}

const toDto = (row: { id: string; name: string; query: string; createdAt: Date }): SavedViewDto => ({
  id: row.id, name: row.name, query: row.query, createdAt: row.createdAt.toISOString(),
});

export async function listSavedViews(caller: Caller, options: { db?: Db } = {}): Promise<SavedViewDto[]> {
  const userId = userIdOf(caller);
  const rows = await (options.db ?? getDb()).savedView.findMany({ where: { userId }, orderBy: { name: "asc" } });
  return rows.map(toDto);
}

export async function createSavedView(caller: Caller, input: unknown, options: { db?: Db } = {}): Promise<SavedViewDto> {
  const userId = userIdOf(caller);
  const parsed = savedViewInputSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]!.message, parsed.error.issues[0]!.path.join("."));
  const { name } = parsed.data;
  const query = canonicalQuery(parsed.data.query);
  try {
    return await (options.db ?? getDb()).$transaction(async (tx) => {
      if ((await tx.savedView.count({ where: { userId } })) >= MAX_SAVED_VIEWS) {
        throw new AppError("CONFLICT", `You have ${MAX_SAVED_VIEWS} saved views already; delete one first.`, "name");
      }
      const view = await tx.savedView.create({ data: { userId, name, query } });
      await appendAuditEvents(tx, [
        { actor: callerAsActor(caller), action: "inventory.view_saved", target: { type: "saved_view", id: view.id }, summary: { name, query } },
      ]);
      return toDto(view);
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `You already have a view named “${name}”.`, "name");
    }
    throw error;
  }
}

/** Deletes one of the caller's views; someone else's is NOT_FOUND, as if it did not exist. */
export async function deleteSavedView(caller: Caller, id: unknown, options: { db?: Db } = {}): Promise<void> {
  const userId = userIdOf(caller);
  const parsedId = savedViewIdSchema.safeParse(id);
  if (!parsedId.success) throw new AppError("NOT_FOUND", "No such view.", "id");
  await (options.db ?? getDb()).$transaction(async (tx) => {
    const view = await tx.savedView.findFirst({ where: { id: parsedId.data, userId } });
    if (!view) throw new AppError("NOT_FOUND", "No such view.", "id");
    await tx.savedView.delete({ where: { id: view.id } });
    await appendAuditEvents(tx, [
      { actor: callerAsActor(caller), action: "inventory.view_deleted", target: { type: "saved_view", id: view.id }, summary: { name: view.name, query: view.query } },
    ]);
  });
}
