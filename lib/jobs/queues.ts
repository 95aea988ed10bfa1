/** Job queue names. Every worker registers handlers for all of them. */
export const QUEUES = {
  /** Deletes session rows that ended more than SESSION_RETENTION_DAYS ago. */
  pruneSessions: "sessions.prune",
  /** One sync of one source; `singletonKey` = source id (lib/jobs/sync-queue.ts). */
  sync: "sync",
  /** Every minute: enqueues the syncs whose `sources.schedule` came due (lib/jobs/sync-schedule.ts). */
  syncSchedule: "sync.schedule",
  /** Daily: recomputes the dashboard rollup (ages and expiry windows move with the calendar), takes the day's snapshot and refreshes the risk scores. */
  dashboardSnapshot: "dashboard.snapshot",
  /** Every 5 minutes: campaign reminders and overdue escalation (lib/campaigns/campaign-reminders.ts). */
  campaignReminders: "campaigns.reminders",
  /** Every minute: starts recurring campaigns whose cron came due. */
  campaignRecurrence: "campaigns.recurrence",
  /** Every 15 minutes, when KEYWARD_MICRO_REVIEWS is on: opens single-item reviews for new events. */
  microReviews: "campaigns.micro-reviews",
  /** On KEYWARD_REPORT_SCHEDULE, when KEYWARD_REPORT_RECIPIENTS is set: e-mails the compliance report (lib/jobs/report-jobs.ts). */
  reportsDeliver: "reports.deliver",
} as const;

/** Ended sessions are kept this long so an investigator can still see them. */
export const SESSION_RETENTION_DAYS = 30;
