import { DetailSection } from "@/components/detail/detail-section";
import { AssignOwnerForm } from "@/components/ownership/assign-owner-form";
import { ConfirmOwnershipButton } from "@/components/ownership/confirm-ownership-button";
import { OwnerProvenance } from "@/components/ownership/owner-provenance";
import type { OwnershipAction } from "@/components/ownership/action-result";
import { PurposeForm } from "@/components/ownership/purpose-form";
import type { OwnershipDto } from "@/lib/ownership/ownership-types";

/**
 * The identity page's owner section: the resolved owner with every claim's provenance, and what
 * the caller may do about it. `may` only hides controls the data layer would refuse anyway.
 */
export function IdentityOwnershipSection({ ownership, may, actions }: {
  ownership: OwnershipDto;
  may: { assign: boolean; confirm: boolean; declare: boolean };
  /** The server actions of lib/ownership/actions.ts. */
  actions: { assign: OwnershipAction; confirm: OwnershipAction; declare: OwnershipAction };
}) {
  const { identityId, assignment, backup, confirmation, owned, purpose } = ownership;
  const current = assignment && ownership.owner ? { ownerEmail: ownership.owner.email, backupEmail: backup?.email ?? null, note: assignment.note } : undefined;
  return (
    <>
      <DetailSection
        id="owner"
        title="Owner"
        description="Resolved in order: assigned in Keyward, source tags and owner APIs, CODEOWNERS or the service catalog, then suggestions."
        actions={may.confirm && owned ? <ConfirmOwnershipButton identityId={identityId} confirm={actions.confirm} confirmed={!!confirmation} /> : null}
      >
        <OwnerProvenance ownership={ownership} />
        {may.assign ? (
          <details className="border-t border-border px-4 py-3" open={!owned}>
            <summary className="cursor-pointer text-sm font-medium">{assignment ? "Change the assigned owner" : "Assign an owner"}</summary>
            <div className="pt-3">
              <AssignOwnerForm identityIds={[identityId]} assign={actions.assign} current={current} />
            </div>
          </details>
        ) : null}
      </DetailSection>
      {may.declare ? (
        <DetailSection id="purpose" title="Purpose and end date" description="Declared by the owner; kept across re-syncs. Past the end date, active credentials raise outlived-purpose.">
          <div className="px-4 py-3">
            <PurposeForm identityId={identityId} declare={actions.declare} current={{ purpose: purpose.purpose, endDate: purpose.endDate }} />
          </div>
        </DetailSection>
      ) : null}
    </>
  );
}
