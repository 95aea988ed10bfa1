import type { Metadata } from "next";
import Link from "next/link";
import { requirePageCaller } from "@/lib/auth/page-guard";
import { roleCan } from "@/lib/auth/permissions";
import { listSources } from "@/lib/sources/read-sources";
import { Button } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { SourcesTable } from "@/components/sources/sources-table";

export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage() {
  const caller = await requirePageCaller("sync:run");
  const sources = await listSources(caller);
  const canManage = roleCan(caller.role, "sources:manage");
  return (
    <>
      <PageHeader
        title="Sources"
        description="The clouds, CI systems, secret managers, clusters and repositories Keyward reads, with read-only permissions."
        actions={
          canManage ? (
            <Button asChild>
              <Link href="/sources/new">Add source</Link>
            </Button>
          ) : null
        }
      />
      {sources.length === 0 ? (
        <EmptyState title="No sources configured">
          {canManage ? "Add a source to sync it live, or to import its exports from files. " : "Ask an admin to add a source. "}
          From the command line, <code className="font-mono">npx keyward import &lt;file-or-folder&gt;</code> loads exports too.
        </EmptyState>
      ) : (
        <SourcesTable sources={sources} />
      )}
    </>
  );
}
