import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { enqueue } from "@/lib/notify/enqueue";
import { consume } from "@/lib/limits/limiter";
import { limits } from "@/lib/limits/rules";
import { kickOutbox } from "@/lib/notify/kick";
import { sealSignup } from "./token";
import { inTransaction } from "@/lib/transaction";

export type SignupInput = { name: string; email: string; phone: string; password: string; twoFactor: "none" | "sms"; smsOptIn: boolean };

const appUrl = () => env().APP_URL.replace(/\/+$/, "");

/**
 * Step one of sign-up. Whatever the address, the person sees the same
 * "check your email" answer and the same work is done (the password is
 * hashed either way): a new address gets a sealed link to finish, an address
 * that already has an account gets a note saying so. Nothing is created here.
 */
export async function startSignup(db: Db, input: SignupInput, ip: string): Promise<void> {
  // The limits count new and existing addresses alike, so they reveal nothing.
  const decision = await consume({ rule: limits.signupEmail, key: input.email }, { rule: limits.signupIp, key: ip });
  if (!decision.ok) throw new DomainError("Too many sign-up attempts. Try again in an hour.");

  const passwordHash = await hashPassword(input.password);
  const [existing] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, input.email)).limit(1);
  await inTransaction(db, async (tx) => {
    if (existing) {
      await enqueue(tx, {
        channel: "email",
        to: input.email,
        template: "signup_existing",
        data: { name: existing.name, signInUrl: `${appUrl()}/login`, resetUrl: `${appUrl()}/forgot-password` },
        related: { type: "user", id: existing.id },
        idempotencyKey: `signup-existing:${randomUUID()}`,
      });
      return;
    }
    const { token, expiresAt } = sealSignup({ name: input.name, email: input.email, phone: input.phone, passwordHash, twoFactor: input.twoFactor, smsOptIn: input.smsOptIn });
    await enqueue(tx, {
      channel: "email",
      to: input.email,
      template: "signup_confirm",
      data: { name: input.name, confirmUrl: `${appUrl()}/signup/confirm/${token}`, expiresAt: expiresAt.toISOString() },
      idempotencyKey: `signup:${randomUUID()}`,
    });
  });
  kickOutbox();
}
