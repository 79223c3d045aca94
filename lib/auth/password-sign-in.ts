import "server-only";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { DomainError } from "@/lib/errors";
import { signIn, TwoFactorRequired } from "./config";
import { limits } from "@/lib/limits/rules";
import { startLoginChallenge } from "./two-factor";
import { setChallengeCookie } from "./two-factor-cookie";

/**
 * Signs this browser in with an email and password, for server actions (the
 * login form, the end of sign-up). It always ends in a redirect: to the page
 * asked for, or, when the account has two-factor sign-in, to /two-factor with
 * a code texted and the pending challenge in its cookie (no session yet).
 * Refusals come back as DomainErrors the form can show.
 */
export async function signInWithPassword(input: { email: string; password: string; callbackUrl: string; ip: string }): Promise<never> {
  try {
    await signIn("credentials", { email: input.email, password: input.password, redirectTo: input.callbackUrl });
  } catch (error) {
    if (error instanceof TwoFactorRequired) {
      const { token } = await startLoginChallenge(getDb(), { userId: error.userId, ip: input.ip, callbackUrl: input.callbackUrl });
      await setChallengeCookie(token);
      redirect("/two-factor");
    }
    if (error instanceof AuthError && error.type === "CredentialsSignin") {
      const code = (error as AuthError & { code?: string }).code;
      if (code === "rate_limited") {
        throw new DomainError(`Too many failed sign-ins. Wait ${limits.loginAccount.seconds / 60} minutes, or reset your password.`);
      }
      throw new DomainError("That email and password don't match an active account.");
    }
    throw error;
  }
  // signIn() redirects on success; this line is never reached.
  redirect(input.callbackUrl);
}
