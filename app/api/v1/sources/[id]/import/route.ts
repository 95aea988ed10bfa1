import { NextResponse } from "next/server";
import { withAuth } from "@/lib/auth/with-auth";
import { AppError } from "@/lib/errors";
import { importUploadedFiles, MAX_UPLOAD_BYTES, type UploadedFile } from "@/lib/sources/import-upload";

/** Multipart framing around the files: boundaries and part headers, generously. */
const FRAMING_ALLOWANCE = 1024 * 1024;

/**
 * Offline import by upload (multipart: `files` one or more, `complete` = "on" to declare them the
 * source's full inventory). A body larger than the cap is refused from its declared length before
 * it is read; the data layer checks the files' real sizes again.
 */
export const POST = withAuth<{ id: string }>(
  async (request, { caller, params }) => {
    const declared = Number(request.headers.get("content-length") ?? "0");
    if (declared > MAX_UPLOAD_BYTES + FRAMING_ALLOWANCE) {
      return NextResponse.json(
        { error: { code: "INVALID_INPUT", field: "files", message: `At most ${MAX_UPLOAD_BYTES / 1048576} MiB can be imported at once.` } },
        { status: 413 },
      );
    }
    const form = await request.formData().catch(() => {
      throw new AppError("INVALID_INPUT", "The upload did not arrive whole; try again with fewer or smaller files.", "files");
    });
    const files: UploadedFile[] = [];
    for (const entry of form.getAll("files")) {
      if (typeof entry !== "string") files.push({ name: entry.name, data: new Uint8Array(await entry.arrayBuffer()) });
    }
    const report = await importUploadedFiles(caller, params.id, files, { complete: form.get("complete") === "on" });
    return NextResponse.json(report, { status: report.ok ? 200 : 422 });
  },
  { permission: "sync:run" },
);
