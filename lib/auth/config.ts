import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import type { Role } from "@/db/schema";
import { env } from "@/lib/env";
import type { OtpCheck } from "@/lib/otp/verify";
import { authenticate, type AuthenticatedUser } from "./authenticate";
import { ipFromHeaders } from "./ip";
import { completeLoginChallenge } from "./two-factor";

declare module "next-auth" {
  interface User {
    uid: number;
    role: Role;
    sessionVersion: number;
  }
  interface Session {
    uid: number;
    role: Role;
    sessionVersion: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid: number;
    role: Role;
    sv: number;
  }
}

export class InvalidLogin extends CredentialsSignin {
  code = "invalid";
}

export class RateLimitedLogin extends CredentialsSignin {
  code = "rate_limited";
}

/** The password was right, but this account also needs a code: no session yet. The login action starts the challenge. */
export class TwoFactorRequired extends CredentialsSignin {
  code = "two_factor";
  constructor(readonly userId: number) {
    super();
  }
}

/** A refused one-time code; the check says why (wrong, expired, too many tries, used). */
export class InvalidCode extends CredentialsSignin {
  code = "invalid_code";
  constructor(readonly check: Exclude<OtpCheck, { ok: true }>) {
    super();
  }
}

/** The pending two-factor sign-in is missing, forged, expired or stale. */
export class ChallengeExpired extends CredentialsSignin {
  code = "challenge_expired";
}

const sessionUser = (user: AuthenticatedUser) => ({ id: String(user.id), uid: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion });

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const email = typeof credentials.email === "string" ? credentials.email : "";
        const password = typeof credentials.password === "string" ? credentials.password : "";
        if (!email || !password) throw new InvalidLogin();
        const result = await authenticate(getDb(), email, password, ipFromHeaders(request.headers));
        if (!result.ok) throw result.reason === "rate_limited" ? new RateLimitedLogin() : new InvalidLogin();
        // This endpoint is public (/api/auth/callback/credentials): with two-factor on, a password is never enough.
        if (result.user.twoFactor !== "none") throw new TwoFactorRequired(result.user.id);
        return sessionUser(result.user);
      },
    }),
    // Step two of a two-factor sign-in: the signed challenge from step one plus the texted code.
    Credentials({
      id: "otp",
      name: "One-time code",
      credentials: { challenge: {}, code: {} },
      async authorize(credentials) {
        const challenge = typeof credentials.challenge === "string" ? credentials.challenge : "";
        const code = typeof credentials.code === "string" ? credentials.code : "";
        if (!challenge) throw new ChallengeExpired();
        const result = await completeLoginChallenge(getDb(), challenge, code);
        if (!result.ok) throw result.reason === "challenge" ? new ChallengeExpired() : new InvalidCode(result.check);
        return sessionUser(result.user);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.uid;
        token.role = user.role;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.uid = token.uid;
      session.role = token.role;
      session.sessionVersion = token.sv;
      return session;
    },
  },
}));
