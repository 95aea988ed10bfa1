import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageCaller } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { blastRadiusOptionsSchema, DEFAULT_DEPTH } from "@/lib/inventory/blast-radius";
import { blastRadiusView } from "@/lib/inventory/blast-radius-view";
import { getNodeDetail } from "@/lib/inventory/node-detail";
import { AuditHistory } from "@/components/detail/audit-history";
import { BlastRadiusSection } from "@/components/detail/blast-radius-section";
import { CredentialTable } from "@/components/detail/credential-table";
import { Day, When } from "@/components/detail/dates";
import { DetailHeader } from "@/components/detail/detail-header";
import { DetailSection, FactList } from "@/components/detail/detail-section";
import { KeyValueTable } from "@/components/detail/key-value-table";
import { LocationsList } from "@/components/detail/locations-list";
import { NodeFindings } from "@/components/detail/node-findings";
import { OwnerSection } from "@/components/detail/owner-section";
import { SyncFacts } from "@/components/detail/sync-facts";

export const metadata: Metadata = { title: "Credential" };

const depthSchema = blastRadiusOptionsSchema.shape.depth.catch(DEFAULT_DEPTH);

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CredentialPage({ params, searchParams }: Props) {
  const caller = await requirePageCaller("inventory:read");
  const { id } = await params;
  const depth = depthSchema.parse((await searchParams).depth);
  // Unknown, and not the owner's: the same 404, so an owner learns nothing of the rest.
  const [detail, radius] = await Promise.all([
    getNodeDetail(caller, "credential", id),
    blastRadiusView(caller, id, { depth }),
  ]).catch((error: unknown) => (error instanceof AppError && error.code === "NOT_FOUND" ? notFound() : Promise.reject(error)));
  const identity = detail.identity ? (
    <Link className="text-accent underline" href={`/inventory/identities/${detail.identity.id}`}>
      {detail.identity.name}
    </Link>
  ) : detail.identityRef ? (
    <span className="font-mono text-xs">{`${detail.identityRef.externalType}:${detail.identityRef.externalId} (not inventoried)`}</span>
  ) : null;
  return (
    <>
      <DetailHeader
        kind="credential" name={detail.name} type={detail.type} status={detail.status} environment={detail.environment}
        sourceName={detail.sync.source.name} goneSince={detail.sync.goneSince}
      />
      <DetailSection id="overview" title="Overview">
        <FactList
          facts={[
            ["Identity", identity],
            ["Created at the source", <When key="created" iso={detail.createdAtSource} />],
            ["Last rotated", <When key="rotated" iso={detail.lastRotatedAt} />],
            ["Last used", detail.lastUsedAt ? <When key="used" iso={detail.lastUsedAt} /> : "never seen"],
            ["Expires", detail.expiresAt ? <Day key="expires" iso={detail.expiresAt} /> : "never"],
            ["Algorithm", detail.algorithm ? `${detail.algorithm}${detail.keySize ? ` ${detail.keySize} bits` : ""}` : null],
            ["Masked hint", detail.maskedHint ? <span key="hint" className="font-mono text-xs">{detail.maskedHint}</span> : null],
            ["Fingerprint (keyed, not the value)", detail.fingerprint ? <span key="fp" className="break-all font-mono text-xs">{detail.fingerprint}</span> : null],
            ["Thumbprint", detail.thumbprint ? <span key="tp" className="break-all font-mono text-xs">{detail.thumbprint}</span> : null],
          ]}
        />
      </DetailSection>
      {/* Assigning and confirming an owner: the ownership module's actions go in `actions`. */}
      <OwnerSection owner={detail.owner} />
      <DetailSection id="locations" title="Locations" description="Where it was found; for a repository, the file, line and commit.">
        <LocationsList locations={detail.locations} />
      </DetailSection>
      <DetailSection id="same-secret" title="Same secret elsewhere" description="Present credentials with the same fingerprint: the same value stored in another place.">
        <CredentialTable rows={detail.sameSecret.items} more={detail.sameSecret.more} empty="No other place holds this value." />
      </DetailSection>
      <DetailSection id="findings" title="Findings">
        <NodeFindings findings={detail.findings} />
      </DetailSection>
      <BlastRadiusSection radius={radius} basePath={`/inventory/credentials/${id}`} />
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
