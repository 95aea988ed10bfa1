import { describe, expect, it } from "vitest";
import { dueOccasions } from "@/lib/campaigns/reminder-plan";
import type { ReminderSettings } from "@/lib/campaigns/campaign-types";

const DAY = 86_400_000;
const start = new Date("2026-12-01T09:00:00Z");
const due = new Date(start.getTime() + 14 * DAY);
const settings: ReminderSettings = { kickoff: true, everyDays: 5, beforeDueDays: 2, escalateEveryDays: 3, webhook: true };
const at = (days: number) => new Date(start.getTime() + days * DAY);
const slots = (days: number, reminders = settings) => dueOccasions({ activatedAt: start, dueAt: due, reminders }, at(days)).map((o) => o.slot);

describe("reminder occasions", () => {
  it("walks kickoff, every N days, N days before due, then one overdue step per escalation period", () => {
    expect(slots(0)).toEqual(["kickoff"]);
    expect(slots(4.9)).toEqual(["kickoff"]);
    expect(slots(5)).toEqual(["kickoff", "every:1"]);
    expect(slots(10)).toEqual(["kickoff", "every:2"]);
    expect(slots(12)).toEqual(["kickoff", "every:2", "before-due"]);
    expect(slots(14)).toEqual(["kickoff", "overdue:1"]);
    expect(slots(16.9)).toEqual(["kickoff", "overdue:1"]);
    expect(slots(17)).toEqual(["kickoff", "overdue:2"]);
    expect(dueOccasions({ activatedAt: start, dueAt: due, reminders: settings }, at(17))[1]).toEqual({ kind: "overdue", slot: "overdue:2", level: 2 });
  });

  it("sends nothing before activation and honours switched-off occasions", () => {
    expect(slots(-1)).toEqual([]);
    const quiet = { ...settings, kickoff: false, everyDays: null, beforeDueDays: null, escalateEveryDays: null };
    expect(slots(12, quiet)).toEqual([]);
    expect(dueOccasions({ activatedAt: start, dueAt: due, reminders: quiet }, at(20))).toEqual([{ kind: "overdue", slot: "overdue:1", level: 0 }]);
  });
});
