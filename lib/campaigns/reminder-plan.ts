import type { ReminderSettings } from "@/lib/campaigns/campaign-types";

/*
 * Which reminder occasions of an active campaign are due at `now` (pure). Each occasion has a
 * slot name that is unique per campaign and moment — the reminder pass records (campaign,
 * channel, recipient, slot) once sent, so a slot is never sent twice to anyone, however often the
 * pass runs.
 */

export type Occasion =
  | { kind: "kickoff"; slot: "kickoff" }
  | { kind: "every"; slot: `every:${number}` }
  | { kind: "before-due"; slot: "before-due" }
  /** `level`: how many steps along its chain an open item has moved by now (0: no escalation). */
  | { kind: "overdue"; slot: `overdue:${number}`; level: number };

const DAY_MS = 86_400_000;

export function dueOccasions(campaign: { activatedAt: Date; dueAt: Date; reminders: ReminderSettings }, now: Date): Occasion[] {
  const { reminders } = campaign;
  const occasions: Occasion[] = [];
  const sinceStart = now.getTime() - campaign.activatedAt.getTime();
  const untilDue = campaign.dueAt.getTime() - now.getTime();
  if (sinceStart < 0) return occasions;
  if (reminders.kickoff) occasions.push({ kind: "kickoff", slot: "kickoff" });
  if (untilDue > 0) {
    if (reminders.everyDays) {
      // Only the latest period: a worker that was down does not send the ones it missed.
      const period = Math.floor(sinceStart / (reminders.everyDays * DAY_MS));
      if (period >= 1) occasions.push({ kind: "every", slot: `every:${period}` });
    }
    if (reminders.beforeDueDays && untilDue <= reminders.beforeDueDays * DAY_MS) occasions.push({ kind: "before-due", slot: "before-due" });
    return occasions;
  }
  const overdueFor = -untilDue;
  if (reminders.escalateEveryDays) {
    const step = 1 + Math.floor(overdueFor / (reminders.escalateEveryDays * DAY_MS));
    occasions.push({ kind: "overdue", slot: `overdue:${step}`, level: step });
  } else {
    occasions.push({ kind: "overdue", slot: "overdue:1", level: 0 });
  }
  return occasions;
}
