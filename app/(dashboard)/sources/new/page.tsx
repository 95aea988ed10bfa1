import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/auth/page-guard";
import { listConnectorTypes } from "@/lib/sources/connector-catalogue";
import { PageHeader } from "@/components/ui/card";
import { AddSourceForm } from "@/components/sources/add-source-form";
import { createSourceAction } from "../actions";

export const metadata: Metadata = { title: "Add source" };

export default async function NewSourcePage() {
  await requirePageCaller("sources:manage");
  return (
    <>
      <PageHeader
        title="Add source"
        description="Secrets you enter here are encrypted at rest and never shown again: the form only says whether one is set."
      />
      <AddSourceForm connectors={listConnectorTypes()} create={createSourceAction} />
    </>
  );
}
