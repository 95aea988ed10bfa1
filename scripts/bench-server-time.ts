/*
 * Time in the database of what a data-layer call sends (bench:web's "in the database" columns):
 * each statement that reads is first run under EXPLAIN (ANALYZE, TIMING OFF, SUMMARY), and its
 * planning + execution time is added to the sink; then the statement itself runs as usual, so the
 * call behaves exactly as in the app. The EXPLAIN run comes first and meets the colder cache, so the
 * figure errs high. What it leaves out: the network round trip and the client's work (the other
 * columns have them).
 */
import type pg from "pg";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export type ServerTimeSink = { ms: number };

type Plan = { "Planning Time": number; "Execution Time": number };
const EXPLAIN = "EXPLAIN (ANALYZE, TIMING OFF, SUMMARY, FORMAT JSON) ";
const serverMs = (plan: Plan) => plan["Planning Time"] + plan["Execution Time"];
/** Reads only: BEGIN, COMMIT and set_config are bookkeeping, not a query to time. */
const isRead = (text: string) => /^\s*(WITH|SELECT)\b/i.test(text) && !/^\s*SELECT set_config\(/i.test(text);

/** A Prisma client whose $queryRaw (how the inventory page queries) also reports its server time. */
export function prismaServerTimed(db: Db, sink: ServerTimeSink): Db {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property !== "$queryRaw") return Reflect.get(target, property, receiver);
      return async (strings: TemplateStringsArray, ...values: unknown[]) => {
        const query = Prisma.sql(strings, ...values);
        const [row] = await target.$queryRaw<[{ "QUERY PLAN": [Plan] }]>`${Prisma.raw(EXPLAIN)}${query}`;
        sink.ms += serverMs(row["QUERY PLAN"][0]);
        return target.$queryRaw(query);
      };
    },
  });
}

/** A node-postgres client whose reads (how the blast radius walks) also report their server time. */
export function pgServerTimed<C extends pg.ClientBase>(client: C, sink: ServerTimeSink): C {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property !== "query") return Reflect.get(target, property, receiver);
      return async (text: string, values?: unknown[]) => {
        if (typeof text === "string" && isRead(text)) {
          const { rows } = await target.query<{ "QUERY PLAN": [Plan] }>(EXPLAIN + text, values);
          sink.ms += serverMs(rows[0]!["QUERY PLAN"][0]);
        }
        return target.query(text, values);
      };
    },
  });
}
