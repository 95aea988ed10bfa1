import { NextResponse } from "next/server";
import { withAuth } from "@/lib/auth/with-auth";
import { getSyncStatus } from "@/lib/sources/sync-status";

/** The source's latest sync run and any queued sync: what the progress bar polls (about once a second). */
export const GET = withAuth<{ id: string }>(
  async (_request, { caller, params }) =>
    NextResponse.json(await getSyncStatus(caller, params.id), { headers: { "cache-control": "no-store" } }),
  { permission: "sync:run" },
);
