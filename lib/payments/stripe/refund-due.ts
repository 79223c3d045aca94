import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { invoices, users } from "@/db/schema";
import { env } from "@/lib/env";
import { enqueue } from "@/lib/notify/enqueue";

/** Emails every active admin about money taken that the invoice could not take, in the same transaction that records it. */
export async function notifyRefundDue(tx: Tx, input: { paymentId: number; invoiceId: number; amountMinor: number; currency: string; providerRef: string; reason: string }): Promise<void> {
  const [invoice] = await tx.select({ number: invoices.number }).from(invoices).where(eq(invoices.id, input.invoiceId)).limit(1);
  const admins = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.status, "active")));
  for (const admin of admins) {
    await enqueue(tx, {
      channel: "email",
      to: admin.email,
      template: "payment_refund_due",
      data: {
        adminName: admin.name,
        invoiceNumber: invoice?.number ?? `#${input.invoiceId}`,
        amountMinor: input.amountMinor,
        currency: input.currency,
        providerRef: input.providerRef,
        reason: input.reason,
        paymentsUrl: `${env().APP_URL}/admin/payments?view=refunds`,
      },
      related: { type: "payment", id: input.paymentId },
      idempotencyKey: `refund-due:${input.paymentId}:${admin.id}`,
    });
  }
}
