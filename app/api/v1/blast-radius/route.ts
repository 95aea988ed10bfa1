import { NextResponse } from "next/server";
import { z } from "zod";
import { withAuth } from "@/lib/auth/with-auth";
import { blastRadiusOptionsSchema } from "@/lib/inventory/blast-radius";
import { blastRadiusView } from "@/lib/inventory/blast-radius-view";

const querySchema = blastRadiusOptionsSchema.extend({ start: z.uuid({ message: "start must be an identity or credential id" }) });

/**
 * GET /api/v1/blast-radius?start=<id>[&depth=1…6][&maxNodes=1…2000]: what the node's holder can
 * reach: nodes (each with how it was reached), grants, resources grouped by privilege level, the
 * identities and credentials reached, and a laid-out graph. 404 for an unknown id or one the
 * caller may not open; `capped` / `timedOut` say when the answer is partial.
 */
export const GET = withAuth(
  async (request, { caller }) => {
    const { start, depth, maxNodes } = querySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await blastRadiusView(caller, start, { depth, maxNodes }));
  },
  { permission: "inventory:read" },
);
