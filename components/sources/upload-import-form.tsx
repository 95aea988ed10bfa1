"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FieldError, Label } from "@/components/ui/input";

type FileReport = { path: string; status: string; format: string | null; records: number; loaded: boolean; errors: string[] };
type Report = { ok: boolean; files: FileReport[]; notes: string[]; run: { status: string } | null };
type Failure = { error: { message: string; field?: string } };

/** Shown before sending: the server refuses more anyway (lib/sources/import-upload.ts). */
const MAX_MIB = 100;

/**
 * Offline import by upload: the same path as `keyward import`. Each file's format is recognised
 * from its content; if any file is malformed nothing is loaded, and the report says which and why.
 */
export function UploadImportForm({ sourceId }: { sourceId: string }) {
  const router = useRouter();
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const input = form.elements.namedItem("files") as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    setReport(null);
    setError(null);
    if (files.length === 0) return setError("Choose at least one file.");
    const total = files.reduce((sum, file) => sum + file.size, 0);
    if (total > MAX_MIB * 1048576) return setError(`These files are ${(total / 1048576).toFixed(1)} MiB; at most ${MAX_MIB} MiB can be imported at once.`);
    const body = new FormData();
    // A folder's relative path is kept: formats read parents from it (e.g. list-user-tags/<user>.json).
    for (const file of files) body.append("files", file, file.webkitRelativePath || file.name);
    if ((form.elements.namedItem("complete") as HTMLInputElement).checked) body.append("complete", "on");
    setPending(true);
    try {
      const response = await fetch(`/api/v1/sources/${sourceId}/import`, { method: "POST", body });
      const answer = (await response.json()) as Report | Failure;
      if ("error" in answer) setError(answer.error.message);
      else {
        setReport(answer);
        form.reset();
        router.refresh();
      }
    } catch {
      setError("The upload failed; check the connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <div>
        <Label htmlFor="upload-files">Export files (up to {MAX_MIB} MiB in total)</Label>
        <input id="upload-files" name="files" type="file" multiple aria-describedby="upload-error" className="block text-sm file:mr-3 file:rounded-md file:border file:border-border file:bg-surface file:px-3 file:py-1.5 file:text-fg" />
        <FieldError id="upload-error" message={error} />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="complete" className="h-4 w-4 accent-accent" />
        These files are the complete inventory of this source (records they no longer contain are marked gone)
      </label>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Importing…" : "Import files"}
      </Button>
      <div role="status" aria-live="polite">
        {report ? (
          <div className="space-y-2 text-sm" data-testid="import-report">
            <p className={report.ok ? "text-ok" : "text-danger"}>
              {report.ok ? "Every file was recognised and loaded." : "Not everything was loaded."}
              {report.run ? ` Run ${report.run.status}.` : ""}
            </p>
            <ul className="space-y-1">
              {report.files.map((file) => (
                <li key={file.path}>
                  <span className="font-mono text-xs">{file.path}</span> <Badge>{file.status}</Badge>{" "}
                  <span className="text-muted">{file.format ? `${file.format}, ${file.records} records` : ""}</span>
                  {file.errors.length > 0 ? (
                    <ul className="list-disc pl-5 text-xs text-danger">
                      {file.errors.map((line, i) => (
                        <li key={i}>{line}</li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
            {report.notes.map((note) => (
              <p key={note} className="text-muted">
                {note}
              </p>
            ))}
          </div>
        ) : null}
      </div>
    </form>
  );
}
