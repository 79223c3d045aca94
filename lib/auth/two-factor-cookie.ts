import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { CHALLENGE_TTL_SECONDS } from "./two-factor";

// The pending two-factor sign-in, between the password and the code.
// HttpOnly: page scripts never see it. It is not a session: see two-factor.ts.
export const TWO_FACTOR_COOKIE = "clientdesk.2fa";

export async function setChallengeCookie(token: string): Promise<void> {
  (await cookies()).set(TWO_FACTOR_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().APP_URL.startsWith("https://"),
    path: "/",
    maxAge: CHALLENGE_TTL_SECONDS,
  });
}

export async function readChallengeCookie(): Promise<string | null> {
  return (await cookies()).get(TWO_FACTOR_COOKIE)?.value ?? null;
}

export async function clearChallengeCookie(): Promise<void> {
  (await cookies()).delete(TWO_FACTOR_COOKIE);
}
