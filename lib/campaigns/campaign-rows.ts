import "server-only";
import { AppError } from "@/lib/errors";
import type { SqlExecutor } from "@/lib/policy/sql-executor";
import type { CampaignDto, CampaignFilter, CampaignStatus, DefaultAction, ReminderSettings } from "@/lib/campaigns/campaign-types";
import { remindersSchema } from "@/lib/campaigns/campaign-schemas";

/** The campaign columns every reader selects, with its progress counted from its items. */
export const CAMPAIGN_COLUMNS = `
  c.id::text, c.name, c.description, c.status, c.filter, c.exclusions::text[] AS exclusions,
  c.default_action, c.security_queue, c.due_at, c.reminders, c.recurrence, c.review_days,
  c.series_id::text, c.last_scheduled_at, c.trigger, c.item_count, c.created_by, c.created_at,
  c.activated_by, c.activated_at, c.closed_by, c.closed_at, c.sign_off, c.cancelled_by, c.cancelled_at,
  (SELECT count(*) FROM campaign_items i WHERE i.campaign_id = c.id AND i.status = 'DECIDED')::int AS decided`;

export type CampaignRow = {
  id: string;
  name: string;
  description: string | null;
  status: CampaignStatus;
  filter: CampaignFilter;
  exclusions: string[];
  default_action: DefaultAction;
  security_queue: string;
  due_at: Date;
  reminders: unknown;
  recurrence: string | null;
  review_days: number | null;
  series_id: string | null;
  last_scheduled_at: Date | null;
  trigger: string | null;
  item_count: number;
  created_by: string;
  created_at: Date;
  activated_by: string | null;
  activated_at: Date | null;
  closed_by: string | null;
  closed_at: Date | null;
  sign_off: string | null;
  cancelled_by: string | null;
  cancelled_at: Date | null;
  decided: number;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Stored settings with today's defaults for any key an older campaign lacks. */
export function reminderSettings(stored: unknown): ReminderSettings {
  return remindersSchema.parse(stored ?? {});
}

export function campaignDto(row: CampaignRow): CampaignDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    filter: row.filter,
    exclusions: row.exclusions,
    defaultAction: row.default_action,
    securityQueue: row.security_queue,
    dueAt: row.due_at.toISOString(),
    reminders: reminderSettings(row.reminders),
    recurrence: row.recurrence,
    reviewDays: row.review_days,
    seriesId: row.series_id,
    trigger: row.trigger,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    activatedBy: row.activated_by,
    activatedAt: iso(row.activated_at),
    closedBy: row.closed_by,
    closedAt: iso(row.closed_at),
    signOff: row.sign_off,
    cancelledBy: row.cancelled_by,
    cancelledAt: iso(row.cancelled_at),
    progress: { items: row.item_count, decided: row.decided, pending: row.item_count - row.decided },
  };
}

/**
 * Reads a campaign; with `lock`, holds its row until the transaction ends, so two transitions
 * (or a close and a decision) on one campaign take turns and see each other's result.
 */
export async function loadCampaign(x: SqlExecutor, id: string, options: { lock?: boolean } = {}): Promise<CampaignRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError("INVALID_INPUT", "must be a campaign id (UUID)", "id");
  if (options.lock) await x.query(`SELECT 1 FROM campaigns WHERE id = $1::uuid FOR UPDATE`, [id]);
  const [row] = await x.query<CampaignRow>(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns c WHERE c.id = $1::uuid`, [id]);
  if (!row) throw new AppError("NOT_FOUND", `Campaign ${id} does not exist.`, "id");
  return row;
}
