"use server";

import { requireCaller } from "@/lib/auth/session-context";
import { verifyAuditChainFor } from "@/lib/audit/list-audit-events";
import type { ChainVerification } from "@/lib/audit/verify-audit-chain";

export async function verifyAuditChainAction(): Promise<ChainVerification> {
  const caller = await requireCaller();
  return verifyAuditChainFor(caller);
}
