import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { auditActor, type Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { checkOwnPassword } from "@/lib/auth/password-attempts";
import { readToken, signToken } from "@/lib/auth/signed-token";
import { DomainError, NotFoundError } from "@/lib/errors";
import { maskPhone } from "@/lib/otp/code";
import { sendOtp } from "@/lib/otp/send";
import { otpRefusalMessage, verifyOtp } from "@/lib/otp/verify";
import { inTransaction } from "@/lib/transaction";

// Turning SMS two-factor sign-in on or off takes the password and then a
// fresh code texted to the phone in question. Between the two steps the form
// carries a signed token naming the user, the change and the phone, so a code
// sent for one change can't complete another.
const PURPOSE = "2fa-settings";
const TTL_SECONDS = 10 * 60;
export const CHANGE_EXPIRED = "This step timed out. Start again.";

export type TwoFactorChange = "enable" | "disable";
type ChangePayload = { uid: number; sv: number; change: TwoFactorChange; phone: string };

async function loadUser(db: Db, userId: number) {
  const [row] = await db
    .select({ id: users.id, email: users.email, phone: users.phone, twoFactor: users.twoFactor, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) throw new NotFoundError("Your account");
  return row;
}

/** Step one: the password, then a code to the phone (the new one when turning on). */
export async function startTwoFactorChange(
  db: Db,
  actor: Actor,
  input: { change: TwoFactorChange; password: string; phone: string | null },
): Promise<{ token: string; sentTo: string; resendAt: string }> {
  const user = await loadUser(db, actor.id);
  const ip = actor.ip ?? "unknown";
  // Wrong passwords here count like wrong sign-in passwords.
  if (!(await checkOwnPassword({ email: user.email, passwordHash: user.passwordHash, password: input.password, ip }))) {
    throw new DomainError("That password isn't right.", { password: ["That password isn't right"] });
  }
  if (input.change === "enable" && user.twoFactor !== "none") throw new DomainError("Two-step sign-in is already on.");
  if (input.change === "disable" && user.twoFactor === "none") throw new DomainError("Two-step sign-in is already off.");
  const phone = input.change === "enable" ? (input.phone ?? user.phone) : user.phone;
  if (!phone) {
    throw input.change === "enable"
      ? new DomainError("Add the mobile number to text codes to.", { phone: ["Enter your mobile number"] })
      : new DomainError("There is no phone number on this account to confirm with. Contact us to turn two-step sign-in off.");
  }
  const sent = await sendOtp(db, { userId: user.id, purpose: "phone_verify", phone, ip });
  const token = signToken(PURPOSE, { uid: user.id, sv: user.sessionVersion, change: input.change, phone } satisfies ChangePayload, TTL_SECONDS);
  return { token, sentTo: maskPhone(phone), resendAt: sent.resendAt.toISOString() };
}

async function readChange(db: Db, actor: Actor, token: string) {
  const payload = readToken<ChangePayload>(PURPOSE, token);
  if (!payload || payload.uid !== actor.id) throw new DomainError(CHANGE_EXPIRED);
  const user = await loadUser(db, actor.id);
  if (user.sessionVersion !== payload.sv) throw new DomainError(CHANGE_EXPIRED);
  return { payload, user };
}

/** Step two: the code. Turning on stores the (now verified) phone the code went to. */
export async function confirmTwoFactorChange(db: Db, actor: Actor, input: { token: string; code: string }): Promise<{ twoFactor: "sms" | "none" }> {
  const { payload, user } = await readChange(db, actor, input.token);
  const check = await verifyOtp(db, { userId: user.id, purpose: "phone_verify", code: input.code });
  if (!check.ok) throw new DomainError(otpRefusalMessage(check), { code: [otpRefusalMessage(check)] });
  if (check.phone !== payload.phone) throw new DomainError(CHANGE_EXPIRED);
  const now = new Date();
  return inTransaction(db, async (tx) => {
    const [current] = await tx.select({ twoFactor: users.twoFactor, phone: users.phone }).from(users).where(eq(users.id, user.id)).limit(1).for("update");
    if (!current) throw new NotFoundError("Your account");
    if (payload.change === "enable") {
      await tx.update(users).set({ twoFactor: "sms", phone: payload.phone, phoneVerifiedAt: now }).where(eq(users.id, user.id));
    } else {
      await tx.update(users).set({ twoFactor: "none" }).where(eq(users.id, user.id));
    }
    const twoFactor = payload.change === "enable" ? "sms" : "none";
    await writeAudit(tx, {
      actor: auditActor(actor),
      action: payload.change === "enable" ? "user.two_factor_enable" : "user.two_factor_disable",
      entityType: "user",
      entityId: user.id,
      before: { twoFactor: current.twoFactor, phone: current.phone },
      after: { twoFactor, phone: payload.change === "enable" ? payload.phone : current.phone },
      ip: actor.ip,
    });
    return { twoFactor };
  });
}

/** "Send a new code" between the steps; the cooldown and the send limits apply. */
export async function resendTwoFactorChangeCode(db: Db, actor: Actor, token: string): Promise<{ resendAt: string }> {
  const { payload } = await readChange(db, actor, token);
  const sent = await sendOtp(db, { userId: actor.id, purpose: "phone_verify", phone: payload.phone, ip: actor.ip ?? "unknown" });
  return { resendAt: sent.resendAt.toISOString() };
}
