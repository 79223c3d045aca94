import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { outbox, users } from "@/db/schema";
import { replaceRecoveryCodes } from "@/lib/second-factor/recovery-codes";
import { newTotpSecret, sealTotpSecret } from "@/lib/second-factor/totp";

/** Gives a user an authenticator app (as if set up and confirmed) and returns its secret, as the app holds it. */
export async function giveTotp(userId: number): Promise<string> {
  const secret = newTotpSecret();
  await getDb()
    .update(users)
    .set({ twoFactor: "totp", totpSecret: sealTotpSecret(userId, secret), totpLastStep: null })
    .where(eq(users.id, userId));
  return secret;
}

/** A fresh set of ten recovery codes for the user. */
export async function giveRecoveryCodes(userId: number): Promise<string[]> {
  return replaceRecoveryCodes(getDb(), userId, new Date());
}

/** Emails of one template queued to an address. */
export async function emailsTo(address: string, template: string) {
  return getDb()
    .select({ id: outbox.id, templateData: outbox.templateData })
    .from(outbox)
    .where(and(eq(outbox.channel, "email"), eq(outbox.toFirst, address), eq(outbox.template, template)));
}
