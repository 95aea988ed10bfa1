import { SdkError, TimeoutError } from "../../sdk";

/*
 * Driver errors mapped to what the runner reports. `coverageReasonOf` recognises authorisation
 * failures by error name, so the class name carries "PermissionDenied"; timeouts become the
 * SDK's TimeoutError. Driver messages are kept (they name the table or the user, never the
 * password) but cut short, and the original stays in `cause` for logs.
 */

/** The connection user may not log in or may not read a catalog table. */
export class DatabasePermissionDeniedError extends SdkError {
  constructor(message: string, cause: unknown) {
    super("permission_denied", message, { cause });
  }
}

/** PostgreSQL SQLSTATEs meaning "not allowed": insufficient_privilege, invalid_authorization_specification, invalid_password. */
const PG_DENIED = new Set(["42501", "28000", "28P01"]);
/** query_canceled: statement_timeout fired. */
const PG_TIMEOUT = "57014";

/** MySQL/MariaDB error codes meaning "not allowed" (table, column, database, login, privilege). */
const MYSQL_DENIED = new Set([
  "ER_TABLEACCESS_DENIED_ERROR",
  "ER_COLUMNACCESS_DENIED_ERROR",
  "ER_DBACCESS_DENIED_ERROR",
  "ER_ACCESS_DENIED_ERROR",
  "ER_SPECIFIC_ACCESS_DENIED_ERROR",
  "ER_ACCOUNT_HAS_BEEN_LOCKED",
]);
const MYSQL_TIMEOUT = new Set(["ETIMEDOUT", "PROTOCOL_SEQUENCE_TIMEOUT"]);

const MAX_MESSAGE = 200;

function shortMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : "database error";
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
}

/** Maps a pg or mysql2 error; `target` (`postgres://host:port`) names the server in timeouts. */
export function mapDatabaseError(error: unknown, target: string, timeoutMs: number): unknown {
  if (error instanceof SdkError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const message = shortMessage(error);
  if (typeof code === "string" && (PG_DENIED.has(code) || MYSQL_DENIED.has(code))) {
    return new DatabasePermissionDeniedError(message, error);
  }
  if (code === PG_TIMEOUT || (typeof code === "string" && MYSQL_TIMEOUT.has(code)) || /timeout/i.test(message)) {
    return new TimeoutError(target, timeoutMs);
  }
  return error;
}
