import "server-only";
import { roleCan } from "@/lib/auth/permissions";
import type { Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { inTransaction } from "@/lib/policy/sql-executor";
import { EVIDENCE_ITEM_SELECT, evidenceItem, type EvidenceRow } from "@/lib/campaigns/campaign-evidence";
import { campaignDto, loadCampaign } from "@/lib/campaigns/campaign-rows";
import { DECISIONS, type CampaignDto, type Decision, type EvidenceItemDto } from "@/lib/campaigns/campaign-types";

/** Items and remediation tasks per page of the campaign page. */
export const OVERVIEW_PAGE_SIZE = 50;
/** Reviewers in the progress chart: the ones with the most pending items. */
export const OVERVIEW_TOP_REVIEWERS = 15;

export type CampaignOverviewDto = {
  campaign: CampaignDto;
  /** Reviewers with the most pending items first, at most OVERVIEW_TOP_REVIEWERS. */
  reviewers: { email: string; items: number; decided: number; pending: number }[];
  reviewerCount: number;
  decisions: Record<Decision, number>;
  remediation: { open: number; done: number };
  /** One page of items (by identity name) and of remediation tasks (open first). */
  items: EvidenceItemDto[];
  tasks: EvidenceItemDto[];
  page: number;
  pageCount: number;
};

/**
 * What the campaign page shows, sized for campaigns of tens of thousands of items: aggregates in
 * SQL and one page of items and tasks, from one read-only snapshot. (The evidence export reads
 * every item; a page view must not.)
 */
export async function campaignOverview(caller: Caller, id: string, page = 1): Promise<CampaignOverviewDto> {
  if (!roleCan(caller.role, "campaigns:manage") && !roleCan(caller.role, "reports:export")) {
    throw new AppError("FORBIDDEN", `Your role (${caller.role}) does not allow reading campaigns.`);
  }
  if (!Number.isInteger(page) || page < 1) throw new AppError("INVALID_INPUT", "page must be a whole number from 1", "page");
  return inTransaction(
    getDb(),
    async (x) => {
      const campaign = campaignDto(await loadCampaign(x, id));
      const reviewers = await x.query<{ email: string; items: number; decided: number; pending: number; reviewers: number }>(
        `SELECT reviewer_email AS email, count(*)::int AS items, count(decision)::int AS decided,
                (count(*) - count(decision))::int AS pending, (count(*) OVER ())::int AS reviewers
         FROM campaign_items WHERE campaign_id = $1::uuid
         GROUP BY reviewer_email ORDER BY pending DESC, items DESC, email LIMIT $2`,
        [id, OVERVIEW_TOP_REVIEWERS],
      );
      const decided = await x.query<{ decision: Decision; n: number }>(
        `SELECT decision, count(*)::int AS n FROM campaign_items WHERE campaign_id = $1::uuid AND decision IS NOT NULL GROUP BY decision`,
        [id],
      );
      const [tasks] = await x.query<{ open: number; done: number }>(
        `SELECT count(*) FILTER (WHERE t.status = 'OPEN')::int AS open, count(*) FILTER (WHERE t.status = 'DONE')::int AS done
         FROM remediation_tasks t JOIN campaign_items ci ON ci.id = t.item_id WHERE ci.campaign_id = $1::uuid`,
        [id],
      );
      const offset = (page - 1) * OVERVIEW_PAGE_SIZE;
      const items = await x.query<EvidenceRow>(
        `${EVIDENCE_ITEM_SELECT} WHERE ci.campaign_id = $1::uuid ORDER BY ci.identity_name, ci.id LIMIT $2 OFFSET $3`,
        [id, OVERVIEW_PAGE_SIZE, offset],
      );
      const taskRows = await x.query<EvidenceRow>(
        `${EVIDENCE_ITEM_SELECT} WHERE ci.campaign_id = $1::uuid AND t.item_id IS NOT NULL
         ORDER BY (t.status = 'OPEN') DESC, ci.identity_name, ci.id LIMIT $2`,
        [id, OVERVIEW_PAGE_SIZE],
      );
      const decisions = Object.fromEntries(DECISIONS.map((d) => [d, 0])) as Record<Decision, number>;
      for (const row of decided) decisions[row.decision] = row.n;
      return {
        campaign,
        reviewers: reviewers.map(({ reviewers: _count, ...r }) => r),
        reviewerCount: reviewers[0]?.reviewers ?? 0,
        decisions,
        remediation: { open: tasks?.open ?? 0, done: tasks?.done ?? 0 },
        items: items.map(evidenceItem),
        tasks: taskRows.map(evidenceItem),
        page,
        pageCount: Math.max(1, Math.ceil(campaign.progress.items / OVERVIEW_PAGE_SIZE)),
      };
    },
    { readOnly: true },
  );
}
