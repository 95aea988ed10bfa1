import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageCaller } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { blastRadiusOptionsSchema, DEFAULT_DEPTH } from "@/lib/inventory/blast-radius";
import { blastRadiusView } from "@/lib/inventory/blast-radius-view";
import { getNodeDetail } from "@/lib/inventory/node-detail";
import { AuditHistory } from "@/components/detail/audit-history";
import { BlastRadiusSection } from "@/components/detail/blast-radius-section";
import { CredentialTable } from "@/components/detail/credential-table";
import { Day, When, yesNo } from "@/components/detail/dates";
import { DetailHeader } from "@/components/detail/detail-header";
import { DetailSection, FactList } from "@/components/detail/detail-section";
import { KeyValueTable } from "@/components/detail/key-value-table";
import { NodeFindings } from "@/components/detail/node-findings";
import { OwnerSection } from "@/components/detail/owner-section";
import { SyncFacts } from "@/components/detail/sync-facts";

export const metadata: Metadata = { title: "Identity" };

const depthSchema = blastRadiusOptionsSchema.shape.depth.catch(DEFAULT_DEPTH);

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function IdentityPage({ params, searchParams }: Props) {
  const caller = await requirePageCaller("inventory:read");
  const { id } = await params;
  const depth = depthSchema.parse((await searchParams).depth);
  // Unknown, and not the owner's: the same 404, so an owner learns nothing of the rest.
  const [detail, radius] = await Promise.all([
    getNodeDetail(caller, "identity", id),
    blastRadiusView(caller, id, { depth }),
  ]).catch((error: unknown) => (error instanceof AppError && error.code === "NOT_FOUND" ? notFound() : Promise.reject(error)));
  return (
    <>
      <DetailHeader
        kind="identity" name={detail.name} type={detail.type} status={detail.status} environment={detail.environment}
        sourceName={detail.sync.source.name} goneSince={detail.sync.goneSince}
      />
      <DetailSection id="overview" title="Overview">
        <FactList
          facts={[
            ["Purpose", detail.purpose],
            ["End date", <Day key="end" iso={detail.endDate} />],
            ["Business service", detail.businessService],
            ["Created at the source", <When key="created" iso={detail.createdAtSource} />],
            ["Last activity", <When key="activity" iso={detail.lastActivityAt} />],
            ["Human", yesNo(detail.isHuman)],
            ["Interactive use", yesNo(detail.interactive)],
          ]}
        />
      </DetailSection>
      {/* Assigning and confirming an owner: the ownership module's actions go in `actions`. */}
      <OwnerSection owner={detail.owner} />
      <DetailSection id="credentials" title="Credentials" description="The secrets and keys this identity authenticates with.">
        <CredentialTable rows={detail.credentials.items} more={detail.credentials.more} empty="No credential of this identity is known." />
      </DetailSection>
      <DetailSection id="findings" title="Findings">
        <NodeFindings findings={detail.findings} />
      </DetailSection>
      <BlastRadiusSection radius={radius} basePath={`/inventory/identities/${id}`} />
      <div className="grid gap-x-6 lg:grid-cols-2">
        <DetailSection id="attributes" title="Attributes">
          <KeyValueTable values={detail.attributes} empty="The source reported no other attribute." />
        </DetailSection>
        <DetailSection id="tags" title="Tags">
          <KeyValueTable values={detail.tags} empty="No tags." />
        </DetailSection>
      </div>
      <DetailSection id="sync" title="Source and sync">
        <SyncFacts sync={detail.sync} />
      </DetailSection>
      {detail.audit ? (
        <DetailSection id="history" title="History">
          <AuditHistory history={detail.audit} />
        </DetailSection>
      ) : null}
    </>
  );
}
