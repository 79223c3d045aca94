import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import type { Role } from "@/db/schema";
import { env } from "@/lib/env";
import { authenticate, type AuthenticatedUser } from "./authenticate";
import { ipFromHeaders } from "./ip";
import { createSession, endSession, SESSION_MAX_AGE_SECONDS } from "./sessions";
import { signInWithPasskeyAssertion } from "./passkey-sign-in";
import { completeLoginChallenge, secondFactors } from "./two-factor";

declare module "next-auth" {
  interface User {
    uid: number;
    role: Role;
    sessionVersion: number;
    /** Where the sign-in came from, for the sessions list. */
    origin?: { ip: string; userAgent: string | null };
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
    /** The server-side session (lib/auth/sessions.ts): signing out deletes it. */
    sid: string;
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

/** A refused second factor (code, recovery code, passkey); `refusal` is what to tell the person. */
export class InvalidCode extends CredentialsSignin {
  code = "invalid_code";
  constructor(readonly refusal: string) {
    super();
  }
}

/** The pending two-factor sign-in is missing, forged, expired or stale. */
export class ChallengeExpired extends CredentialsSignin {
  code = "challenge_expired";
}

const sessionUser = (user: AuthenticatedUser, request: Request) => ({
  id: String(user.id),
  uid: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  sessionVersion: user.sessionVersion,
  origin: { ip: ipFromHeaders(request.headers), userAgent: request.headers.get("user-agent") },
});

export const { handlers, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  // A refused password or code is an answer, not a fault: Auth.js would log
  // each one with a stack trace. Everything else is logged as usual.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      // Auth.js wraps what went wrong inside a provider as `cause.err`.
      const cause = (error as { cause?: { err?: unknown } }).cause;
      console.error("[auth]", error.name, error.message, cause?.err ?? cause ?? "");
    },
  },
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
        if (result.secondStep) throw new TwoFactorRequired(result.user.id);
        return sessionUser(result.user, request);
      },
    }),
    // Step two of a two-factor sign-in: the signed challenge from step one plus
    // an answer from one of the account's factors (texted code, app code,
    // recovery code, or a passkey's signed assertion as JSON).
    Credentials({
      id: "otp",
      name: "Second step",
      credentials: { challenge: {}, code: {}, factor: {} },
      async authorize(credentials, request) {
        const challenge = typeof credentials.challenge === "string" ? credentials.challenge : "";
        const code = typeof credentials.code === "string" ? credentials.code : "";
        const factor = secondFactors.find((f) => f === credentials.factor) ?? "sms";
        if (!challenge) throw new ChallengeExpired();
        const result = await completeLoginChallenge(getDb(), challenge, { factor, code, ip: ipFromHeaders(request.headers) });
        if (!result.ok) throw result.reason === "challenge" ? new ChallengeExpired() : new InvalidCode(result.message);
        return sessionUser(result.user, request);
      },
    }),
    // A passkey alone (a discoverable credential that verified its user): no password and no second step.
    Credentials({
      id: "passkey",
      name: "Passkey",
      credentials: { response: {} },
      async authorize(credentials, request) {
        const response = typeof credentials.response === "string" ? credentials.response : "";
        const result = await signInWithPasskeyAssertion(getDb(), response, ipFromHeaders(request.headers));
        if (!result.ok) throw new InvalidCode(result.message);
        return sessionUser(result.user, request);
      },
    }),
  ],
  events: {
    // Every way of signing out ends the session on the server, not only in this browser.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string" && sid) await endSession(getDb(), sid);
    },
  },
  callbacks: {
    // Runs with `user` only at sign-in: that is when the server-side session starts.
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.uid;
        token.role = user.role;
        token.sv = user.sessionVersion;
        token.sid = await createSession(getDb(), { userId: user.uid, sessionVersion: user.sessionVersion, ip: user.origin?.ip, userAgent: user.origin?.userAgent });
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
