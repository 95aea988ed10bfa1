"use client";

import { DetailError } from "@/components/detail/detail-error";

export default function Error({ retry }: { error: unknown; retry: () => void }) {
  return <DetailError retry={retry} />;
}
