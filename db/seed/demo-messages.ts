// A dozen outbox messages (both channels, every end state) with their
// delivery attempts, tied to real seeded invoices and clients, and the signed
// invoice links the invoice emails carry.
import { invoiceLinks, outbox, outboxAttempts } from "@/db/schema";
import { hashToken } from "@/lib/auth/one-time-token";
import { backoffDelay, defaultBackoff } from "@/lib/notify/backoff";
import { sealValues } from "@/lib/notify/message-secrets";
import { type SeedContext, type SeededClient, type SeededUser, withServerStep } from "./context";
import { addDays, isoDate } from "./dates";
import type { SeededService } from "./demo-catalog";
import type { SeededInvoice } from "./demo-invoices";
import { invoiceEmail, newServiceSms, receipts, reminders, seconds, type Message } from "./demo-message-content";
import { slug } from "./names";

// Seeded invoice links stay valid for 60 days after their email, like the app's own.
const SEED_LINK_DAYS = 60;

type Link = { invoice: SeededInvoice; token: string; createdAt: Date };

export type MessageInputs = { appUrl: string; invoices: SeededInvoice[]; clients: SeededClient[]; brand: SeededService; staff: SeededUser };

/**
 * A link token from the seeded PRNG, shaped like the app's (32 bytes, base64url).
 * Predictable, like the demo passwords: demo data is public by nature.
 */
function linkToken(ctx: SeedContext): string {
  return Buffer.from(Array.from({ length: 32 }, () => ctx.rng.int(0, 255))).toString("base64url");
}

/** Picks the invoices and payments the messages talk about; the demo plan guarantees each exists. */
async function compose(ctx: SeedContext, { appUrl, invoices, clients, brand }: MessageInputs): Promise<{ messages: Message[]; links: Link[] }> {
  const [casey, jordan, morgan] = clients.filter((c) => c.user);
  const today = isoDate(ctx.today);
  const isOverdue = (i: SeededInvoice) => (i.status === "sent" || i.status === "partially_paid") && i.dueDate < today;
  const issued = invoices.filter((i) => i.number && i.status !== "void");
  const latestPayment = (pred: (i: SeededInvoice) => boolean) =>
    invoices
      .filter(pred)
      .flatMap((invoice) => invoice.payments.filter((p) => p.status === "succeeded").map((payment) => ({ invoice, payment })))
      .sort((a, b) => b.payment.receivedAt!.getTime() - a.payment.receivedAt!.getTime())[0];
  const caseyOpen = issued.find((i) => i.client === casey && i.status === "sent" && !isOverdue(i));
  const jordanOverdue = issued.find((i) => i.client === jordan && isOverdue(i));
  const otherOverdue = issued.find((i) => !i.client.user && !i.client.smsOptIn && isOverdue(i));
  const morganLatest = issued.filter((i) => i.client === morgan).at(-1);
  const caseyPaid = latestPayment((i) => i.client === casey);
  const otherPaid = latestPayment((i) => !i.client.user);
  if (!jordan || !caseyOpen || !jordanOverdue || !otherOverdue || !morganLatest || !caseyPaid || !otherPaid) {
    throw new Error("The demo plan is missing an invoice the outbox messages need");
  }
  const links = [caseyOpen, jordanOverdue, morganLatest].map((invoice) => ({ invoice, token: linkToken(ctx), createdAt: invoice.sentAt! }));
  const url = (link: Link) => `${appUrl}/i/${link.token}`;
  const [caseyLink, jordanLink, morganLink] = links as [Link, Link, Link];
  const optedIn = clients.filter((c) => c.smsOptIn && c.phone && c.createdAt < brand.createdAt).slice(0, 3);
  const messages = [
    await invoiceEmail(caseyOpen, url(caseyLink), "captured"),
    await invoiceEmail(jordanOverdue, url(jordanLink), "sent", [`accounts@${slug(jordan.company ?? jordan.name)}.example`]),
    await invoiceEmail(morganLatest, url(morganLink), "captured"),
    ...(await receipts(caseyPaid.invoice, caseyPaid.payment, "captured")),
    ...(await receipts(otherPaid.invoice, otherPaid.payment, "sent")),
    ...(await reminders(jordanOverdue, new Date(ctx.now.getTime() - 26 * 3600_000), "sent")),
    // A provider outage: tried twice so far, the next try due around the anchor.
    ...(await reminders(otherOverdue, new Date(ctx.now.getTime() - 90_000), "failed", "Resend API error 503: Service Unavailable")),
    ...(await Promise.all(optedIn.map((c, n) => newServiceSms(brand, c, n === optedIn.length - 1 ? "dead" : "captured")))),
  ];
  return { messages, links };
}

type Attempt = { attempt: number; outcome: "sent" | "captured" | "failed"; error: string | null; durationMs: number; at: Date };

/** The worker's attempts at one message, spaced by the worker's own backoff policy. */
function attemptsFor(ctx: SeedContext, m: Message): { rows: Attempt[]; nextAttemptAt: Date } {
  const rows: Attempt[] = [];
  let at = seconds(m.createdAt, 2);
  for (let n = 1; n <= m.failures; n++) {
    rows.push({ attempt: n, outcome: "failed", error: m.error, durationMs: ctx.rng.int(300, 5000), at });
    at = new Date(at.getTime() + backoffDelay(n, defaultBackoff, () => ctx.rng.next()));
  }
  if (m.delivery === "sent" || m.delivery === "captured") {
    rows.push({
      attempt: rows.length + 1,
      outcome: m.delivery,
      error: null,
      durationMs: m.delivery === "sent" ? ctx.rng.int(120, 900) : ctx.rng.int(2, 15),
      at,
    });
  }
  return { rows, nextAttemptAt: m.delivery === "failed" ? at : m.createdAt };
}

export async function insertMessages(ctx: SeedContext, inputs: MessageInputs): Promise<{ outbox: number; attempts: number; links: number }> {
  const { messages: unordered, links } = await compose(ctx, inputs);
  const messages = unordered.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  await ctx.tx.insert(invoiceLinks).values(
    links.map((l) => ({
      invoiceId: l.invoice.id,
      tokenHash: hashToken(l.token),
      expiresAt: addDays(l.createdAt, SEED_LINK_DAYS),
      createdBy: inputs.staff.id,
      createdAt: l.createdAt,
    })),
  );
  const deliveries = messages.map((m) => attemptsFor(ctx, m));
  const ids = await withServerStep(
    ctx,
    await ctx.tx
      .insert(outbox)
      .values(
        messages.map((m, n) => {
          const { rows, nextAttemptAt } = deliveries[n]!;
          return {
            channel: m.channel,
            to: m.to,
            cc: m.cc,
            bcc: m.bcc,
            toFirst: m.to[0]!,
            subject: m.subject,
            text: m.text,
            html: m.html,
            template: m.template,
            templateData: m.templateData,
            attachments: m.attachments,
            relatedType: m.related.type,
            relatedId: m.related.id,
            clientId: m.clientId,
            idempotencyKey: `seed-outbox-${n + 1}`,
            // Kept, encrypted, while the message may still be sent or is captured; dropped once sent or dead, as the worker does.
            secrets: m.delivery === "captured" || m.delivery === "failed" ? sealValues(m.secretValues, { ...m, idempotencyKey: `seed-outbox-${n + 1}` }) : null,
            status: m.delivery,
            attempts: rows.length,
            nextAttemptAt,
            lastError: m.delivery === "failed" || m.delivery === "dead" ? m.error : null,
            providerMessageId: m.delivery === "sent" ? (m.channel === "email" ? `re_${ctx.rng.hex(24)}` : `SM${ctx.rng.hex(32)}`) : null,
            sentAt: m.delivery === "sent" ? rows.at(-1)!.at : null,
            createdAt: m.createdAt,
          };
        }),
      )
      .$returningId(),
  );
  const attemptRows = deliveries.flatMap((d, n) => d.rows.map((r) => ({ ...r, outboxId: ids[n]!.id, workerId: "inline-1" })));
  await ctx.tx.insert(outboxAttempts).values(attemptRows);
  return { outbox: messages.length, attempts: attemptRows.length, links: links.length };
}
