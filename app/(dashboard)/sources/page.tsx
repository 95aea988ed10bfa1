import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/auth/page-guard";
import { ComingArea } from "@/components/shell/coming-area";

export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage() {
  await requirePageCaller("sync:run");
  return (
    <ComingArea
      title="Sources"
      description="The clouds, CI systems, secret managers, clusters and repositories Keyward reads, with read-only permissions."
      emptyTitle="No sources configured"
    >
      Until sources can be added here, load provider exports from the command line:{" "}
      <code className="font-mono">npx keyward import &lt;file-or-folder&gt;</code>.
    </ComingArea>
  );
}
