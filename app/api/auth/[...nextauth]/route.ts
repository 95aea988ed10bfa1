import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/lib/auth/auth-options";

type Context = { params: Promise<{ nextauth: string[] }> };

// Built per request from lazily-loaded options so `next build` needs no keys or database.
async function handler(request: NextRequest, context: Context) {
  return NextAuth(request, { params: await context.params }, getAuthOptions());
}

export { handler as GET, handler as POST };
