import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Which records an export shows. A record is present at `asOf` when Keyward had seen it by then
 * and had not retired it by then (first_seen_at ≤ T and (gone_since null or > T)). With
 * `includeGone`, records retired by T are listed too, with status "gone".
 *
 * Attribute values are the latest Keyward holds: the inventory keeps when records appeared and
 * disappeared, not every past value (the audit log has the changes).
 */
export type ExportWindow = { asOf: Date; includeGone: boolean };

/** What the export reads through; a transaction client works too (for one consistent snapshot). */
export type ExportDb = Pick<Db, "$queryRaw">;

/** Rows per database page: bounded memory for any inventory size. */
export const EXPORT_PAGE_ROWS = 1000;

/** SQL condition "present at asOf" (or "seen by asOf" with includeGone) on table alias `t`. */
export function windowSql(window: ExportWindow): Prisma.Sql {
  const seen = Prisma.sql`t.first_seen_at <= ${window.asOf}`;
  return window.includeGone ? seen : Prisma.sql`${seen} AND (t.gone_since IS NULL OR t.gone_since > ${window.asOf})`;
}

export function goneAt(goneSince: Date | null, window: ExportWindow): boolean {
  return goneSince !== null && goneSince <= window.asOf;
}

export const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);

/** `goneSince` as of the window: a retirement after `asOf` had not happened yet. */
export const goneSinceAt = (goneSince: Date | null, window: ExportWindow): string | null =>
  goneAt(goneSince, window) ? iso(goneSince) : null;

/** A key column of a keyset: its SQL expression on alias `t` and the cast its parameter needs. */
export type KeyColumn = { column: string; cast?: "uuid" | "bigint" };

/**
 * Streams `SELECT … WHERE <condition>` in pages ordered by a unique key, each page starting after
 * the previous page's last key (keyset pagination: every page is one index range scan, however
 * deep into the table). `keyOf` reads the key values back from a row, in `keys` order.
 */
export async function* keysetPages<R>(
  db: ExportDb,
  query: { select: Prisma.Sql; where: Prisma.Sql; keys: readonly KeyColumn[]; keyOf: (row: R) => unknown[] },
): AsyncGenerator<R> {
  const columns = Prisma.raw(query.keys.map((k) => `t.${k.column}`).join(", "));
  let last: R | undefined;
  for (;;) {
    const after = last
      ? Prisma.sql`AND (${columns}) > (${Prisma.join(
          query.keyOf(last).map((value, i) => {
            const cast = query.keys[i]!.cast;
            return cast ? Prisma.sql`CAST(${value} AS ${Prisma.raw(cast)})` : Prisma.sql`${value}`;
          }),
        )})`
      : Prisma.empty;
    const rows = await db.$queryRaw<
      R[]
    >`${query.select} WHERE ${query.where} ${after} ORDER BY ${columns} LIMIT ${EXPORT_PAGE_ROWS}`;
    yield* rows;
    if (rows.length < EXPORT_PAGE_ROWS) return;
    last = rows[rows.length - 1];
  }
}
