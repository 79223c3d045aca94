import "server-only";
import { generateAuthenticationOptions, verifyAuthenticationResponse, type AuthenticatorTransport, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { passkeys } from "@/db/schema";
import { challengeOf, storeChallenge, takeChallenge } from "./challenges";
import { relyingParty } from "./relying-party";
import { parseAuthenticationResponse } from "./response";

export const PASSKEY_REFUSED = "That passkey wasn't accepted. Try again, or use another way to sign in.";

export const splitTransports = (value: string) => (value ? (value.split(",") as AuthenticatorTransport[]) : undefined);

/**
 * Options for navigator.credentials.get(). For sign-in with a passkey alone
 * (discoverable credentials) no account is named and the browser offers what
 * it has for this site; for the second step the account's passkeys are listed.
 */
export async function passkeyAssertionOptions(db: Db, input: { purpose: "sign_in" } | { purpose: "second_step"; userId: number }, now: Date): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const userId = input.purpose === "second_step" ? input.userId : null;
  const allow = userId === null ? [] : await db.select({ id: passkeys.credentialId, transports: passkeys.transports }).from(passkeys).where(eq(passkeys.userId, userId));
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().id,
    userVerification: input.purpose === "sign_in" ? "required" : "preferred",
    allowCredentials: allow.map((c) => ({ id: c.id, transports: splitTransports(c.transports) })),
  });
  await storeChallenge(db, { challenge: options.challenge, purpose: input.purpose, userId, now });
  return options;
}

export type PasskeyAssertion = { ok: true; userId: number } | { ok: false; message: string };

/**
 * Checks a signed assertion: its challenge is one we issued for this purpose
 * (and user), unused and unexpired, and is spent now; the credential is
 * known (and the user's, for the second step); the signature verifies for
 * this site's RP ID and origin; a passkey alone must have verified the user
 * (PIN, biometrics), since no password went before it. The counter moves on.
 */
export async function verifyPasskeyAssertion(db: Db, input: { response: string; purpose: "sign_in" | "second_step"; userId?: number; now: Date }): Promise<PasskeyAssertion> {
  const response = parseAuthenticationResponse(input.response);
  const challenge = response ? challengeOf(response.response.clientDataJSON) : null;
  if (!response || !challenge) return { ok: false, message: PASSKEY_REFUSED };
  const userId = input.purpose === "second_step" ? (input.userId ?? -1) : null;
  if (!(await takeChallenge(db, { challenge, purpose: input.purpose, userId, now: input.now }))) {
    return { ok: false, message: "That passkey request expired or was already used. Try again." };
  }
  const [credential] = await db
    .select({ id: passkeys.id, userId: passkeys.userId, credentialId: passkeys.credentialId, publicKey: passkeys.publicKey, counter: passkeys.counter, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(passkeys.credentialId, response.id))
    .limit(1);
  if (!credential || (userId !== null && credential.userId !== userId)) return { ok: false, message: PASSKEY_REFUSED };
  const rp = relyingParty();
  try {
    const { verified, authenticationInfo } = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: input.purpose === "sign_in",
      credential: { id: credential.credentialId, publicKey: Buffer.from(credential.publicKey, "base64url"), counter: credential.counter, transports: splitTransports(credential.transports) },
    });
    if (!verified) return { ok: false, message: PASSKEY_REFUSED };
    await db.update(passkeys).set({ counter: authenticationInfo.newCounter, lastUsedAt: input.now }).where(eq(passkeys.id, credential.id));
    return { ok: true, userId: credential.userId };
  } catch {
    // A bad signature, origin, RP ID or a counter that went backwards (a cloned authenticator).
    return { ok: false, message: PASSKEY_REFUSED };
  }
}
