import { NextResponse } from "next/server";
import { withAuth } from "@/lib/auth/with-auth";
import { ROLE_PERMISSIONS } from "@/lib/auth/permissions";

/** The caller and what their role allows. */
export const GET = withAuth(
  async (_request, { caller }) =>
    NextResponse.json({ email: caller.email, name: caller.name, role: caller.role, permissions: [...ROLE_PERMISSIONS[caller.role]] }),
  { permission: "inventory:read" },
);
