import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { users } from "@/db/schema";
import { homeFor } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { enqueue } from "@/lib/notify/enqueue";
import type { SecondFactorChangedData } from "@/lib/notify/templates";

/**
 * Queues the email telling the account's owner that a passkey or an app was
 * added, or the recovery codes replaced, in the transaction that does it: a
 * new way in is what someone holding a stolen session (and password) would
 * make, so the owner hears of every one. `event` tells two changes apart
 * (a passkey's id, the time), so each is emailed once, even when a retried
 * transaction queues it again. Call kickOutbox() after the commit.
 */
export async function queueSecondFactorNotice(tx: DbOrTx, input: { userId: number; change: SecondFactorChangedData["change"]; event: string | number; now: Date }): Promise<void> {
  const [user] = await tx.select({ email: users.email, name: users.name, role: users.role }).from(users).where(eq(users.id, input.userId)).limit(1);
  if (!user) return;
  const base = env().APP_URL.replace(/\/+$/, "");
  await enqueue(tx, {
    channel: "email",
    to: user.email,
    template: "second_factor_changed",
    data: { name: user.name, change: input.change, changedAt: input.now.toISOString(), securityUrl: `${base}${homeFor[user.role]}/profile`, resetUrl: `${base}/forgot-password` },
    related: { type: "user", id: input.userId },
    idempotencyKey: `second-factor-changed:${input.userId}:${input.change}:${input.event}`,
  });
}
