import "server-only";
import { generateRegistrationOptions, verifyRegistrationResponse, type PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { passkeys, settings, users } from "@/db/schema";
import { auditActor, type Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { DomainError, NotFoundError } from "@/lib/errors";
import { kickOutbox } from "@/lib/notify/kick";
import { queueSecondFactorNotice } from "@/lib/second-factor/change-notice";
import { getFactors } from "@/lib/second-factor/factors";
import { requireOwnPassword } from "@/lib/second-factor/own-password";
import { dropRecoveryCodesIfNoFactor, replaceRecoveryCodes } from "@/lib/second-factor/recovery-codes";
import { inTransaction } from "@/lib/transaction";
import { splitTransports } from "./authenticate";
import { challengeOf, storeChallenge, takeChallenge } from "./challenges";
import { relyingParty } from "./relying-party";
import { parseRegistrationResponse } from "./response";

export const MAX_PASSKEYS = 20;

/**
 * Options for navigator.credentials.create(): a discoverable passkey, so it
 * can sign in with no password. That is why making one takes the password:
 * this is the only place a "register" challenge is stored, and addPasskey
 * saves nothing without one.
 */
export async function passkeyRegistrationOptions(db: Db, actor: Actor, password: string, now: Date): Promise<PublicKeyCredentialCreationOptionsJSON> {
  await requireOwnPassword(db, actor, password);
  const [user] = await db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, actor.id)).limit(1);
  if (!user) throw new NotFoundError("Your account");
  const existing = await db.select({ id: passkeys.credentialId, transports: passkeys.transports }).from(passkeys).where(eq(passkeys.userId, actor.id));
  if (existing.length >= MAX_PASSKEYS) throw new DomainError(`You have ${MAX_PASSKEYS} passkeys, the most an account can have. Remove one first.`);
  const [company] = await db.select({ name: settings.companyName }).from(settings).limit(1);
  const options = await generateRegistrationOptions({
    rpName: company?.name ?? "ClientDesk",
    rpID: relyingParty().id,
    userName: user.email,
    userDisplayName: user.name,
    // The user handle names the account without personal data: the browser stores it with the passkey.
    userID: new TextEncoder().encode(`clientdesk-user-${actor.id}`),
    attestationType: "none",
    excludeCredentials: existing.map((c) => ({ id: c.id, transports: splitTransports(c.transports) })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  await storeChallenge(db, { challenge: options.challenge, purpose: "register", userId: actor.id, now });
  return options;
}

/**
 * Stores the new passkey under the name given, after checking the browser's
 * attestation against our challenge (made by passkeyRegistrationOptions,
 * after the password), origin and RP ID. The first strong factor also makes
 * the ten recovery codes, returned to show once. The owner is emailed in the
 * same transaction.
 */
export async function addPasskey(db: Db, actor: Actor, input: { response: string; name: string }, now: Date): Promise<{ id: number; recoveryCodes: string[] | null }> {
  const response = parseRegistrationResponse(input.response);
  const challenge = response ? challengeOf(response.response.clientDataJSON) : null;
  const refused = new DomainError("The passkey couldn't be saved. Try again.");
  if (!response || !challenge) throw refused;
  if (!(await takeChallenge(db, { challenge, purpose: "register", userId: actor.id, now }))) throw new DomainError("That passkey request expired. Try again.");
  const rp = relyingParty();
  let info;
  try {
    const result = await verifyRegistrationResponse({ response, expectedChallenge: challenge, expectedOrigin: rp.origin, expectedRPID: rp.id, requireUserVerification: true });
    if (!result.verified) throw refused;
    info = result.registrationInfo;
  } catch {
    throw refused;
  }
  const { credential } = info;
  if (credential.id.length > 512) throw refused;
  const saved = await inTransaction(db, async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.id)).limit(1).for("update");
    const [taken] = await tx.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.credentialId, credential.id)).limit(1);
    if (taken) throw new DomainError("This passkey is already saved.");
    const before = await getFactors(tx, actor.id);
    const [res] = await tx.insert(passkeys).values({
      userId: actor.id,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString("base64url"),
      counter: credential.counter,
      transports: (credential.transports ?? []).join(","),
      name: input.name,
      createdAt: now,
    });
    const recoveryCodes = before.totp || before.passkeys > 0 || before.recoveryCodes > 0 ? null : await replaceRecoveryCodes(tx, actor.id, now);
    await writeAudit(tx, { actor: auditActor(actor), action: "user.passkey_add", entityType: "user", entityId: actor.id, after: { passkeyId: res.insertId, name: input.name }, ip: actor.ip });
    await queueSecondFactorNotice(tx, { userId: actor.id, change: "passkey_added", event: res.insertId, now });
    return { id: res.insertId, recoveryCodes };
  });
  kickOutbox();
  return saved;
}

export async function removePasskey(db: Db, actor: Actor, passkeyId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const [row] = await tx
      .select({ id: passkeys.id, name: passkeys.name })
      .from(passkeys)
      .where(and(eq(passkeys.id, passkeyId), eq(passkeys.userId, actor.id)))
      .limit(1)
      .for("update");
    if (!row) throw new NotFoundError("That passkey");
    await tx.delete(passkeys).where(eq(passkeys.id, row.id));
    await dropRecoveryCodesIfNoFactor(tx, actor.id);
    await writeAudit(tx, { actor: auditActor(actor), action: "user.passkey_remove", entityType: "user", entityId: actor.id, before: { passkeyId: row.id, name: row.name }, ip: actor.ip });
  });
}

export async function renamePasskey(db: Db, actor: Actor, input: { id: number; name: string }): Promise<void> {
  const [res] = await db
    .update(passkeys)
    .set({ name: input.name })
    .where(and(eq(passkeys.id, input.id), eq(passkeys.userId, actor.id)));
  if (res.affectedRows === 0) throw new NotFoundError("That passkey");
}
