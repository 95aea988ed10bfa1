import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageCaller } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { blastRadiusOptionsSchema, DEFAULT_DEPTH } from "@/lib/inventory/blast-radius";
import { blastRadiusView } from "@/lib/inventory/blast-radius-view";
import { getNodeDetail } from "@/lib/inventory/node-detail";
import { roleCan } from "@/lib/auth/permissions";
import { assignOwnerAction, confirmOwnershipAction, declarePurposeAction } from "@/lib/ownership/actions";
import { getOwnership } from "@/lib/ownership/get-ownership";
import { readRisk } from "@/lib/risk/read-risk";
import { AuditHistory } from "@/components/detail/audit-history";
import { BlastRadiusSection } from "@/components/detail/blast-radius-section";
import { CredentialTable } from "@/components/detail/credential-table";
import { Day, When, yesNo } from "@/components/detail/dates";
import { DetailHeader } from "@/components/detail/detail-header";
import { DetailSection, FactList } from "@/components/detail/detail-section";
import { KeyValueTable } from "@/components/detail/key-value-table";
import { NodeFindings } from "@/components/detail/node-findings";
import { SyncFacts } from "@/components/detail/sync-facts";
import { IdentityOwnershipSection } from "@/components/ownership/identity-ownership-section";
import { RiskBreakdown } from "@/components/risk/risk-breakdown";

export const metadata: Metadata = { title: "Identity" };

const depthSchema = blastRadiusOptionsSchema.shape.depth.catch(DEFAULT_DEPTH);

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function IdentityPage({ params, searchParams }: Props) {
  const caller = await requirePageCaller("inventory:read");
  const { id } = await params;
  const depth = depthSchema.parse((await searchParams).depth);
  // Unknown, and not the owner's: the same 404, so an owner learns nothing of the rest.
  const [detail, radius, ownership, risk] = await Promise.all([
    getNodeDetail(caller, "identity", id),
    blastRadiusView(caller, id, { depth }),
    getOwnership(caller, id),
    readRisk(caller, id),
  ]).catch((error: unknown) =>
    error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN") ? notFound() : Promise.reject(error),
  );
  // Analysts and admins act on any identity; an owner on the ones they own (or back up).
  const me = caller.email.toLowerCase();
  const isOwner = ownership.owner?.email === me || ownership.backup?.email === me;
  const writer = roleCan(caller.role, "inventory:write");
  const may = { assign: writer, confirm: writer || (caller.role === "owner" && ownership.owner?.email === me), declare: writer || (caller.role === "owner" && isOwner) };
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
      <DetailSection id="risk" title="Risk" description="How much harm this identity could do if misused, and what drives it.">
        <RiskBreakdown risk={risk} />
      </DetailSection>
      <IdentityOwnershipSection
        ownership={ownership}
        may={may}
        actions={{ assign: assignOwnerAction, confirm: confirmOwnershipAction, declare: declarePurposeAction }}
      />
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
