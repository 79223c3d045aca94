// The seeded outbox messages, rendered by the app's own templates (emails/),
// with the same template data the app's flows queue, so the outbox page shows
// exactly what the app would have sent.
import { createHash } from "node:crypto";
import type { OutboxAttachment } from "@/db/schema";
import type { EmailCompany } from "@/emails/layout";
import { renderEmail } from "@/emails/render";
import { renderSms } from "@/emails/sms";
import { balanceDue, sumMinor } from "@/lib/money";
import { withPlaceholders, type SecretValues } from "@/lib/notify/message-secrets";
import type { RelatedEntity, TemplateData, TemplateName } from "@/lib/notify/templates";
import { methodLabel } from "@/lib/payments/labels";
import type { SeededClient } from "./context";
import { daysBetween } from "./dates";
import type { SeededService } from "./demo-catalog";
import type { SeededInvoice, SeededPayment } from "./demo-invoices";
import { DEMO_ADDRESS, DEMO_COMPANY } from "./demo-people";

export type Delivery = "captured" | "sent" | "failed" | "dead";

export type Message = {
  channel: "email" | "sms";
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string | null;
  text: string;
  html: string | null;
  template: TemplateName;
  templateData: TemplateData[TemplateName];
  /** The links the stored texts hold placeholders for, sealed or dropped as the worker would. */
  secretValues: SecretValues;
  attachments: OutboxAttachment[];
  related: RelatedEntity;
  clientId: number;
  createdAt: Date;
  delivery: Delivery;
  /** Failed attempts before the final outcome. */
  failures: number;
  error: string | null;
};

type Envelope = Pick<Message, "to" | "related" | "clientId" | "createdAt" | "delivery"> & Partial<Pick<Message, "cc" | "bcc" | "attachments" | "failures" | "error">>;

// The demo business keeps the defaults: en-US, UTC.
const COMPANY: EmailCompany = { name: DEMO_COMPANY, address: DEMO_ADDRESS, locale: "en-US", timeZone: "UTC" };
// The worker's default OUTBOX_MAX_ATTEMPTS: after that many failures a message is dead.
const MAX_ATTEMPTS = 6;

export const seconds = (at: Date, s: number) => new Date(at.getTime() + s * 1000);

// Placeholders taken from the value, so the seed writes the same rows every time; the links are 256-bit tokens, so a hash of one gives nothing away.
const seedPlaceholder = (value: string) => `cdsecret${createHash("sha256").update(`clientdesk seed placeholder:${value}`).digest("hex").slice(0, 32)}`;

// Stored as the app stores a message: the links replaced by placeholders (lib/notify/enqueue.ts).
async function message<T extends TemplateName>(channel: "email" | "sms", template: T, data: TemplateData[T], envelope: Envelope): Promise<Message> {
  const { data: stored, values } = withPlaceholders(template, data, seedPlaceholder);
  const content = channel === "email" ? await renderEmail(template, stored, COMPANY) : { subject: null, html: null, text: renderSms(template, stored, COMPANY) };
  return { cc: [], bcc: [], attachments: [], failures: 0, error: null, ...envelope, channel, template, templateData: stored, secretValues: values, ...content };
}

/** What was still owed at a moment: messages show the balance as it was when they went out. */
function balanceAt(invoice: SeededInvoice, at: Date): number {
  const paid = invoice.payments.filter((p) => p.status === "succeeded" && p.receivedAt! <= at);
  return balanceDue(invoice.totalMinor, sumMinor(paid.map((p) => p.amountMinor)));
}

function invoicePdf(invoice: SeededInvoice): OutboxAttachment {
  return { kind: "invoice_pdf", invoiceId: invoice.id, version: invoice.version, filename: `${invoice.number}.pdf` };
}

/** The invoice email, with the signed link created alongside it. */
export function invoiceEmail(invoice: SeededInvoice, link: string, delivery: Delivery, cc: string[] = []): Promise<Message> {
  const data = {
    clientName: invoice.client.name,
    invoiceNumber: invoice.number!,
    totalMinor: invoice.totalMinor,
    balanceMinor: balanceAt(invoice, invoice.sentAt!),
    currency: "USD",
    dueDate: invoice.dueDate,
    link,
  };
  const related = { type: "invoice" as const, id: invoice.id };
  return message("email", "invoice", data, {
    to: [invoice.client.email],
    cc,
    bcc: ["billing@example.com"],
    attachments: [invoicePdf(invoice)],
    related,
    clientId: invoice.client.id,
    createdAt: seconds(invoice.sentAt!, 1),
    delivery,
  });
}

/** The receipt email, plus an SMS when the client opted in (rule 9). */
export async function receipts(invoice: SeededInvoice, payment: SeededPayment, delivery: Delivery): Promise<Message[]> {
  const data = {
    clientName: invoice.client.name,
    invoiceNumber: invoice.number!,
    amountMinor: payment.amountMinor,
    currency: "USD",
    method: methodLabel[payment.method],
    paidAt: payment.receivedAt!.toISOString(),
    balanceMinor: balanceAt(invoice, payment.receivedAt!),
    reference: payment.reference,
  };
  const envelope = { related: { type: "invoice" as const, id: invoice.id }, clientId: invoice.client.id, createdAt: seconds(payment.receivedAt!, 2), delivery };
  const attachments: OutboxAttachment[] = [{ kind: "receipt_pdf", paymentId: payment.id, filename: `receipt-${invoice.number}-${payment.id}.pdf` }];
  const out = [await message("email", "payment_receipt", data, { ...envelope, to: [invoice.client.email], attachments })];
  if (invoice.client.smsOptIn && invoice.client.phone) out.push(await message("sms", "payment_receipt", data, { ...envelope, to: [invoice.client.phone] }));
  return out;
}

/** A reminder by email, and by SMS when the client opted in; `error` marks a failing provider. */
export async function reminders(invoice: SeededInvoice, at: Date, delivery: Delivery, error: string | null = null): Promise<Message[]> {
  const data = {
    clientName: invoice.client.name,
    invoiceNumber: invoice.number!,
    balanceMinor: balanceAt(invoice, at),
    currency: "USD",
    dueDate: invoice.dueDate,
    daysOverdue: Math.max(0, daysBetween(new Date(`${invoice.dueDate}T00:00:00Z`), at)),
  };
  const envelope = { related: { type: "invoice" as const, id: invoice.id }, clientId: invoice.client.id, createdAt: at };
  const out = [
    await message("email", "payment_reminder", data, {
      ...envelope,
      to: [invoice.client.email],
      attachments: [invoicePdf(invoice)],
      delivery,
      failures: error ? 2 : 0,
      error,
    }),
  ];
  // The SMS provider was fine while the email one failed.
  if (invoice.client.smsOptIn && invoice.client.phone) {
    out.push(await message("sms", "payment_reminder", data, { ...envelope, to: [invoice.client.phone], delivery: error ? "captured" : delivery }));
  }
  return out;
}

export function newServiceSms(service: SeededService, client: SeededClient, delivery: Delivery): Promise<Message> {
  const data = { clientName: client.name, serviceName: service.name, priceMinor: service.priceMinor, currency: "USD", interval: service.interval };
  const dead = delivery === "dead";
  return message("sms", "new_service", data, {
    to: [client.phone!],
    related: { type: "service", id: service.id },
    clientId: client.id,
    createdAt: seconds(service.createdAt, 5),
    delivery,
    failures: dead ? MAX_ATTEMPTS : 0,
    error: dead ? "Twilio error 30003: Unreachable destination handset" : null,
  });
}
