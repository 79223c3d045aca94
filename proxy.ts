import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";

// Sends anonymous visitors of the role areas to /login. This is a courtesy
// only: every page, action and route handler checks permissions itself, and
// the session_version check happens there, against the database.
export async function proxy(request: NextRequest) {
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0] ?? request.nextUrl.protocol.replace(":", "");
  const token = await getToken({ req: request, secret: env().AUTH_SECRET, secureCookie: proto === "https" });
  if (token) return NextResponse.next();
  const url = new URL("/login", request.nextUrl.origin);
  url.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/admin/:path*", "/staff/:path*", "/portal/:path*"] };
