import { NextResponse } from "next/server";
import { auth } from "@/lib/auth/config";

// Sends anonymous visitors of the role areas to /login. This is a courtesy
// only: every page, action and route handler checks permissions itself.
export default auth((request) => {
  if (request.auth) return NextResponse.next();
  const url = new URL("/login", request.nextUrl.origin);
  url.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(url);
});

export const config = { matcher: ["/admin/:path*", "/staff/:path*", "/portal/:path*"] };
