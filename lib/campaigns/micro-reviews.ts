import "server-only";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import { executorOf, inTransaction, type SqlTarget } from "@/lib/policy/sql-executor";
import { CAMPAIGN_SYSTEM_ACTOR, campaignEvent } from "@/lib/campaigns/campaign-audit";
import { activateIn } from "@/lib/campaigns/campaign-lifecycle";
import { loadCampaign } from "@/lib/campaigns/campaign-rows";
import { remindersSchema } from "@/lib/campaigns/campaign-schemas";
import type { DefaultAction } from "@/lib/campaigns/campaign-types";

/*
 * Event-triggered micro-reviews: a one-identity campaign, opened and activated by the worker when
 *   owner-departed   the policy engine opened an owner-departed finding on the identity (or its credential),
 *   secret-in-code   a secret-in-code finding on one of the identity's credentials,
 *   end-date         the identity's declared end date passed while it is still present.
 * Each event has a key (`campaigns.trigger`, unique), so it opens one review, ever, however often this runs.
 */

export type MicroReviewSettings = {
  ownerDeparted: boolean;
  secretInCode: boolean;
  endDatePassed: boolean;
  /** Days a micro-review stays open. */
  reviewDays: number;
  securityQueue: string;
  defaultAction: DefaultAction;
};

type Trigger = { key: string; identity_id: string; identity_name: string; reason: string };

const DAY_MS = 86_400_000;

/** Findings of `rule` that are open, on an identity or on a credential of one. */
const findingTriggers = (rule: string, reason: string) => `
  SELECT '${rule}:' || f.id::text AS key, i.id::text AS identity_id, i.name AS identity_name, '${reason}' AS reason
  FROM findings f
  LEFT JOIN credentials k ON f.subject_type = 'credential' AND k.id = f.subject_id
  JOIN identities i ON i.id = CASE WHEN f.subject_type = 'identity' THEN f.subject_id ELSE k.identity_id END
  WHERE f.rule = '${rule}' AND f.status = 'open' AND i.gone_since IS NULL`;

const END_DATE_TRIGGERS = `
  SELECT 'end-date:' || i.id::text || ':' || to_char(i.end_date AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') AS key,
         i.id::text AS identity_id, i.name AS identity_name, 'its declared end date passed' AS reason
  FROM identities i WHERE i.end_date <= $1 AND i.gone_since IS NULL`;

/** Opens (and activates) a micro-review for every new event; returns the campaigns opened. */
export async function openMicroReviews(target: SqlTarget, now: Date, settings: MicroReviewSettings): Promise<{ opened: string[] }> {
  const sources = [
    settings.ownerDeparted && findingTriggers("owner-departed", "its owner left the organisation"),
    settings.secretInCode && findingTriggers("secret-in-code", "a secret of it was found in code"),
    settings.endDatePassed && END_DATE_TRIGGERS,
  ].filter(Boolean);
  if (sources.length === 0) return { opened: [] };
  const triggers = await executorOf(target as Parameters<typeof executorOf>[0]).query<Trigger>(
    `SELECT t.* FROM (${sources.join(" UNION ALL ")}) t WHERE NOT EXISTS (SELECT 1 FROM campaigns c WHERE c.trigger = t.key) ORDER BY t.key`,
    [now],
  );
  const opened: string[] = [];
  for (const trigger of triggers) {
    const id = await inTransaction(target, async (x) => {
      const [row] = await x.query<{ id: string }>(
        `INSERT INTO campaigns (id, name, description, filter, default_action, security_queue, due_at, reminders, trigger, created_by, created_at)
         VALUES (gen_random_uuid(), $1, $2, $3::jsonb, $4, $5, $6, $7::jsonb, $8, $9, $10)
         ON CONFLICT (trigger) DO NOTHING RETURNING id::text`,
        [
          `Micro-review: ${trigger.identity_name}`,
          `Opened because ${trigger.reason}.`,
          JSON.stringify({ identityIds: [trigger.identity_id] }),
          settings.defaultAction,
          settings.securityQueue.toLowerCase(),
          new Date(now.getTime() + settings.reviewDays * DAY_MS),
          JSON.stringify(remindersSchema.parse({})),
          trigger.key,
          CAMPAIGN_SYSTEM_ACTOR.label,
          now,
        ],
      );
      if (!row) return null; // another worker opened it
      await appendAuditEvents(x.handle, [campaignEvent(CAMPAIGN_SYSTEM_ACTOR, "campaign.created", row.id, { trigger: trigger.key, identityId: trigger.identity_id, reason: trigger.reason })]);
      await activateIn(x, await loadCampaign(x, row.id, { lock: true }), CAMPAIGN_SYSTEM_ACTOR, now);
      return row.id;
    });
    if (id) opened.push(id);
  }
  return { opened };
}
