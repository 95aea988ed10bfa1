import Link from "next/link";
import type { PathStep } from "@/lib/risk/risk-evidence";

const HREF = { identity: "/inventory/identities/", credential: "/inventory/credentials/" } as const;

/** A factor's evidence path; the identities and credentials in it link to their pages. */
export function RiskPath({ steps }: { steps: readonly PathStep[] }) {
  return (
    <span className="break-words">
      {steps.map((step, index) =>
        step.node ? (
          <Link key={index} href={`${HREF[step.node.kind]}${step.node.id}`} className="font-medium text-accent hover:underline">
            {step.text}
          </Link>
        ) : (
          <span key={index}>{step.text}</span>
        ),
      )}
    </span>
  );
}
