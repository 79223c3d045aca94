import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { auth } from "@/lib/auth/config";

// Sends anonymous visitors of the role areas to /login. This is a courtesy
// only: every page, action and route handler checks permissions itself.
const redirectAnonymous = auth((request) => {
  if (request.auth) return NextResponse.next();
  const url = new URL("/login", request.nextUrl.origin);
  url.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(url);
});

// With a lazy config (NextAuth(() => ...)), auth(handler) hands back a promise
// of the handler, not the handler, and Next requires a function export.
export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  const handler = await redirectAnonymous;
  // At runtime the second argument is passed through to the callback above, which ignores it.
  return handler(request, event as unknown as Parameters<typeof handler>[1]);
}

export const config = { matcher: ["/admin/:path*", "/staff/:path*", "/portal/:path*"] };
