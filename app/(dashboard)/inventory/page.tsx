import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/auth/page-guard";
import { ComingArea } from "@/components/shell/coming-area";

export const metadata: Metadata = { title: "Inventory" };

export default async function InventoryPage() {
  await requirePageCaller("inventory:read");
  return (
    <ComingArea
      title="Inventory"
      description="Every service account, key, token, certificate and secret Keyward has discovered, with owner, age and status."
      emptyTitle="The inventory is empty"
    >
      Identities and credentials appear here after a sync or an import. You will be able to filter, sort, search, save views and
      assign owners in bulk.
    </ComingArea>
  );
}
