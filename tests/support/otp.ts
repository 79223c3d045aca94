import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { otpCodes, outbox, users, type Role } from "@/db/schema";
import { createClientUser, createUser } from "./factories";
import { revealSecrets } from "./secrets";

let phoneSeq = Math.floor(Math.random() * 1_000_000);

/**
 * A fresh E.164 number per call, so tests never read each other's texts. It
 * is a number that can exist (an exchange from 200 to 999: the metadata
 * refuses +1 415 000…), so the forms accept it.
 */
export function freshPhone(): string {
  phoneSeq += 1;
  const exchange = 200 + (Math.floor(phoneSeq / 10_000) % 800);
  return `+1415${exchange}${String(phoneSeq % 10_000).padStart(4, "0")}`;
}

/** The code in the newest SMS to this number, as the person would read it. */
export async function lastTextedCode(phone: string): Promise<string> {
  const [row] = await getDb()
    .select()
    .from(outbox)
    .where(and(eq(outbox.channel, "sms"), eq(outbox.toFirst, phone), eq(outbox.template, "otp_code")))
    .orderBy(desc(outbox.id))
    .limit(1);
  const code = row && revealSecrets(row).text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`No code texted to ${phone}`);
  return code;
}

export async function textsTo(phone: string): Promise<number> {
  const rows = await getDb()
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.channel, "sms"), eq(outbox.toFirst, phone)));
  return rows.length;
}

/** Moves a user's newest code's send time back, as if the resend cooldown had passed. */
export async function ageLastCode(userId: number, seconds: number): Promise<void> {
  const [row] = await getDb().select({ id: otpCodes.id, createdAt: otpCodes.createdAt }).from(otpCodes).where(eq(otpCodes.userId, userId)).orderBy(desc(otpCodes.id)).limit(1);
  if (row)
    await getDb()
      .update(otpCodes)
      .set({ createdAt: new Date(row.createdAt.getTime() - seconds * 1000) })
      .where(eq(otpCodes.id, row.id));
}

/** A user with SMS two-factor sign-in on and a verified phone. */
export async function createTwoFactorUser(role: Role = "client") {
  const phone = freshPhone();
  const created = role === "client" ? await createClientUser() : { user: await createUser({ role }), clientId: null };
  await getDb().update(users).set({ twoFactor: "sms", phone, phoneVerifiedAt: new Date() }).where(eq(users.id, created.user.id));
  return { ...created.user, phone, clientId: created.clientId };
}
