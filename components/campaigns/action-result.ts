/** What the campaigns and reviews server actions answer: a message (and ids), or an error and its field. */
export type CampaignActionResult = { ok: true; message: string; id?: string } | { ok: false; error: string; field?: string };

export type CampaignAction = (input: unknown) => Promise<CampaignActionResult>;
