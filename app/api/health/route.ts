import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

/** Liveness for `keyward start`, load balancers and tests. Says nothing about the data. */
export function GET() {
  return NextResponse.json({ status: "ok" });
}
