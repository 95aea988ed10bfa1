import "server-only";
import { roleCan } from "@/lib/auth/permissions";
import { type Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { executorOf } from "@/lib/policy/sql-executor";
import { CAMPAIGN_COLUMNS, campaignDto, loadCampaign, type CampaignRow } from "@/lib/campaigns/campaign-rows";
import { CAMPAIGN_STATUSES, type CampaignDto, type CampaignStatus } from "@/lib/campaigns/campaign-types";

/** Campaign managers run campaigns; auditors read them for evidence. */
function requireCampaignReader(caller: Caller): void {
  if (roleCan(caller.role, "campaigns:manage") || roleCan(caller.role, "reports:export")) return;
  throw new AppError("FORBIDDEN", `Your role (${caller.role}) does not allow reading campaigns.`);
}

/** Every campaign (newest first), optionally of one status, with its progress. */
export async function listCampaigns(caller: Caller, options: { status?: CampaignStatus } = {}): Promise<CampaignDto[]> {
  requireCampaignReader(caller);
  if (options.status && !CAMPAIGN_STATUSES.includes(options.status)) throw new AppError("INVALID_INPUT", "unknown status", "status");
  const rows = await executorOf(getDb()).query<CampaignRow>(
    `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns c WHERE ($1::text IS NULL OR c.status = $1) ORDER BY c.created_at DESC, c.id LIMIT 500`,
    [options.status ?? null],
  );
  return rows.map(campaignDto);
}

export async function getCampaign(caller: Caller, id: string): Promise<CampaignDto> {
  requireCampaignReader(caller);
  return campaignDto(await loadCampaign(executorOf(getDb()), id));
}
