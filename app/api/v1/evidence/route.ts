import { z } from "zod";
import { withAuth } from "@/lib/auth/with-auth";
import { buildEvidencePack } from "@/lib/evidence/build-evidence-pack";

const querySchema = z.object({
  asOf: z.iso.datetime({ offset: true, message: "asOf must be an ISO-8601 instant with a zone, e.g. 2025-01-31T00:00:00Z" }).optional(),
});

/**
 * GET /api/v1/evidence[?asOf=<instant>]: the signed evidence pack as a ZIP download
 * (docs/evidence.md). 401 without a session, 403 without reports:export; the export is audited
 * as `evidence.exported`.
 */
export const GET = withAuth(
  async (request, { caller }) => {
    const { asOf } = querySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    const pack = await buildEvidencePack(caller, { asOf: asOf === undefined ? undefined : new Date(asOf) });
    return new Response(new Uint8Array(pack.zip), {
      status: 200,
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${pack.fileName}"`,
        "Content-Length": String(pack.zip.length),
        "Cache-Control": "no-store",
        "X-Keyward-Manifest-Sha256": pack.manifestSha256,
      },
    });
  },
  { permission: "reports:export" },
);
