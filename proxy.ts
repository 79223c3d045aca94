import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { renewSessionCookie } from "@/lib/auth/session-renewal";
import { readSessionCookie } from "@/lib/auth/session-token";

// Sends anonymous visitors of the role areas to /login. This is a courtesy
// only: every page, action and route handler checks permissions itself, and
// the session checks (its server-side row, session_version) happen there,
// against the database. Signed-in requests slide their session (an hour at
// most between renewals).
export async function proxy(request: NextRequest) {
  if (!readSessionCookie(request.cookies, env().AUTH_SECRET)) {
    const url = new URL("/login", request.nextUrl.origin);
    url.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
    return NextResponse.redirect(url);
  }
  const response = NextResponse.next();
  await renewSessionCookie(request, response);
  return response;
}

export const config = { matcher: ["/admin/:path*", "/staff/:path*", "/portal/:path*"] };
