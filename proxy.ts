import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { renewSessionCookie } from "@/lib/auth/session-renewal";
import { readSessionCookie } from "@/lib/auth/session-token";
import { createNonce, isHttps, pageSecurityHeaders } from "@/lib/http/security-headers.mjs";
import { refuseUndecodableBody } from "@/lib/http/undecodable-body";

// Runs before every page (not API routes or files: see the matcher), as a
// short list of steps. It must stay cheap, and it decides nothing about
// access: pages, actions and route handlers check permissions themselves.
export async function proxy(request: NextRequest) {
  const nonce = createNonce();
  const security = pageSecurityHeaders({ nonce, https: isHttps(env().APP_URL), dev: process.env.NODE_ENV === "development" });
  // A server-action or multipart body Next.js couldn't decode is a 400 here, not a 500 there.
  const refused = await refuseUndecodableBody(request);
  const redirect = refused ? null : redirectAnonymousFromRoleAreas(request);
  const response = refused ? new NextResponse(refused.body, refused) : (redirect ?? renderWithNonce(request, nonce, security["Content-Security-Policy"]));
  // A signed-in visit slides the session (the cookie and its row, an hour at most between renewals).
  if (!redirect && !refused) await renewSessionCookie(request, response);
  // Every answer carries them, redirects included.
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

const ROLE_AREA = /^\/(?:admin|staff|portal)(?:\/|$)/;

/**
 * Sends anonymous visitors of the role areas to /login, as a courtesy only:
 * the session checks (its server-side row, session_version) happen in the
 * pages, against the database.
 */
function redirectAnonymousFromRoleAreas(request: NextRequest): NextResponse | null {
  if (!ROLE_AREA.test(request.nextUrl.pathname)) return null;
  if (readSessionCookie(request.cookies, env().AUTH_SECRET)) return null;
  const url = new URL("/login", request.nextUrl.origin);
  url.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(url);
}

/**
 * Next.js reads the nonce from the request's Content-Security-Policy and puts
 * it on its own scripts; the root layout reads x-nonce for ours.
 */
function renderWithNonce(request: NextRequest, nonce: string, policy: string): NextResponse {
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  return NextResponse.next({ request: { headers } });
}

// Pages only: not API routes, Next.js's files (_next/static, _next/image) or
// other static files. The role areas are listed on their own so the redirect
// covers every path under them, as it always has.
export const config = {
  matcher: ["/admin/:path*", "/staff/:path*", "/portal/:path*", "/((?!api/|_next/|favicon\\.ico$|.*\\.(?:ico|png|jpe?g|gif|svg|webp|avif|txt|xml|webmanifest|woff2?|map|css)$).*)"],
};
