import "server-only";
import { eq } from "drizzle-orm";
import QRCode from "qrcode";
import type { Db } from "@/db";
import { settings, users } from "@/db/schema";
import { auditActor, type Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { DomainError, NotFoundError } from "@/lib/errors";
import { kickOutbox } from "@/lib/notify/kick";
import { inTransaction } from "@/lib/transaction";
import { countSecondFactorAttempt } from "./attempts";
import { queueSecondFactorNotice } from "./change-notice";
import { acceptTotpStep, type FactorCheck } from "./check";
import { getFactors, owesSecondStep } from "./factors";
import { requireOwnPassword } from "./own-password";
import { dropRecoveryCodesIfNoFactor, replaceRecoveryCodes } from "./recovery-codes";
import { newTotpSecret, openTotpSecret, sealTotpSecret, totpUri } from "./totp";

export type TotpSetup = { secret: string; uri: string; qrSvg: string };

/**
 * Starts setting up an authenticator app, with the password: a new secret,
 * sealed on the user's row (not in use until confirmed), returned once as
 * text, otpauth:// URI and an SVG QR code made here (no third party sees the
 * secret). Only this writes the secret that confirmTotpSetup checks codes
 * against, so the app can't be turned on without the password.
 */
export async function startTotpSetup(db: Db, actor: Actor, password: string): Promise<TotpSetup> {
  await requireOwnPassword(db, actor, password);
  const [user] = await db.select({ email: users.email, twoFactor: users.twoFactor }).from(users).where(eq(users.id, actor.id)).limit(1);
  if (!user) throw new NotFoundError("Your account");
  if (user.twoFactor === "totp") throw new DomainError("An authenticator app is already set up. Remove it first to set up another.");
  const [company] = await db.select({ name: settings.companyName }).from(settings).limit(1);
  const secret = newTotpSecret();
  await db
    .update(users)
    .set({ totpSecret: sealTotpSecret(actor.id, secret), totpLastStep: null })
    .where(eq(users.id, actor.id));
  const uri = totpUri(secret, user.email, company?.name ?? "ClientDesk");
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return { secret, uri, qrSvg };
}

/**
 * Confirms the app with its first code: from now on sign-in asks for an app
 * code (instead of a texted one). The first strong factor also makes the ten
 * recovery codes, returned to show once. The owner is emailed in the same
 * transaction.
 */
export async function confirmTotpSetup(db: Db, actor: Actor, code: string, now: Date): Promise<{ recoveryCodes: string[] | null }> {
  const refused = await countSecondFactorAttempt(actor.id, actor.ip ?? "unknown");
  if (refused) throw new DomainError(refused, { code: [refused] });
  const [user] = await db.select({ secret: users.totpSecret, twoFactor: users.twoFactor }).from(users).where(eq(users.id, actor.id)).limit(1);
  if (!user) throw new NotFoundError("Your account");
  if (user.twoFactor === "totp") throw new DomainError("An authenticator app is already set up.");
  if (!user.secret) throw new DomainError("Start the set-up again: no app is waiting to be confirmed.");
  const check: FactorCheck = await acceptTotpStep(db, actor.id, openTotpSecret(actor.id, user.secret), code, now);
  if (!check.ok) throw new DomainError(check.message, { code: [check.message] });
  const result = await inTransaction(db, async (tx) => {
    // Under the row's lock, so two confirmations at once turn it on (and email) once.
    const [locked] = await tx.select({ twoFactor: users.twoFactor }).from(users).where(eq(users.id, actor.id)).limit(1).for("update");
    if (locked?.twoFactor === "totp") throw new DomainError("An authenticator app is already set up.");
    const before = await getFactors(tx, actor.id);
    await tx.update(users).set({ twoFactor: "totp" }).where(eq(users.id, actor.id));
    const recoveryCodes = before.totp || before.passkeys > 0 || before.recoveryCodes > 0 ? null : await replaceRecoveryCodes(tx, actor.id, now);
    await writeAudit(tx, {
      actor: auditActor(actor),
      action: "user.totp_enable",
      entityType: "user",
      entityId: actor.id,
      before: { twoFactor: user.twoFactor },
      after: { twoFactor: "totp" },
      ip: actor.ip,
    });
    await queueSecondFactorNotice(tx, { userId: actor.id, change: "totp_added", event: now.getTime(), now });
    return { recoveryCodes };
  });
  kickOutbox();
  return result;
}

/** Removes the app, with the password. With no factor left, the recovery codes go too. */
export async function removeTotp(db: Db, actor: Actor, password: string): Promise<void> {
  await requireOwnPassword(db, actor, password);
  const [user] = await db.select({ twoFactor: users.twoFactor }).from(users).where(eq(users.id, actor.id)).limit(1);
  if (!user) throw new NotFoundError("Your account");
  if (user.twoFactor !== "totp") throw new DomainError("No authenticator app is set up.");
  await inTransaction(db, async (tx) => {
    await tx.update(users).set({ twoFactor: "none", totpSecret: null, totpLastStep: null }).where(eq(users.id, actor.id));
    await dropRecoveryCodesIfNoFactor(tx, actor.id);
    await writeAudit(tx, { actor: auditActor(actor), action: "user.totp_disable", entityType: "user", entityId: actor.id, before: { twoFactor: "totp" }, after: { twoFactor: "none" }, ip: actor.ip });
  });
}

/**
 * A new set of recovery codes, with the password; every earlier code stops
 * working. Only with a second factor set up. The owner is emailed in the same
 * transaction.
 */
export async function regenerateRecoveryCodes(db: Db, actor: Actor, password: string, now: Date): Promise<string[]> {
  await requireOwnPassword(db, actor, password);
  const codes = await inTransaction(db, async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.id)).limit(1).for("update");
    if (!owesSecondStep(await getFactors(tx, actor.id))) throw new DomainError("Set up an authenticator app or a passkey first.");
    const fresh = await replaceRecoveryCodes(tx, actor.id, now);
    await writeAudit(tx, { actor: auditActor(actor), action: "user.recovery_codes_regenerate", entityType: "user", entityId: actor.id, ip: actor.ip });
    await queueSecondFactorNotice(tx, { userId: actor.id, change: "recovery_codes_regenerated", event: now.getTime(), now });
    return fresh;
  });
  kickOutbox();
  return codes;
}
