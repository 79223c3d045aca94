import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { readSessionCookie } from "@/lib/auth/session-token";

// Sends anonymous visitors of the role areas to /login. This is a courtesy
// only: every page, action and route handler checks permissions itself, and
// the session_version check happens there, against the database.
export function proxy(request: NextRequest) {
  if (readSessionCookie(request.cookies, env().AUTH_SECRET)) return NextResponse.next();
  const url = new URL("/login", request.nextUrl.origin);
  url.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/admin/:path*", "/staff/:path*", "/portal/:path*"] };
