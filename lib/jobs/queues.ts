/** Job queue names. Every worker registers handlers for all of them. */
export const QUEUES = {
  /** Deletes session rows that ended more than SESSION_RETENTION_DAYS ago. */
  pruneSessions: "sessions.prune",
} as const;

/** Ended sessions are kept this long so an investigator can still see them. */
export const SESSION_RETENTION_DAYS = 30;
