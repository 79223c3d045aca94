import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import type { Role } from "@/db/schema";
import { env } from "@/lib/env";
import { authenticate } from "./authenticate";
import { ipFromHeaders } from "./ip";

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
        const { user } = result;
        return { id: String(user.id), uid: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
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
