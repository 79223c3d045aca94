import { index, int, mediumtext, mysqlEnum, mysqlTable, text, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id, json, ref, timestamp } from "./columns";

export const outboxChannels = ["email", "sms"] as const;
export type OutboxChannel = (typeof outboxChannels)[number];

export const outboxStatuses = ["queued", "sending", "sent", "captured", "failed", "dead"] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

// An attachment is a reference, rendered when the message is sent.
export type OutboxAttachment = { kind: "invoice_pdf"; invoiceId: number; version: number; filename: string } | { kind: "receipt_pdf"; paymentId: number; filename: string };

export const outbox = mysqlTable(
  "outbox",
  {
    id: id(),
    channel: mysqlEnum("channel", outboxChannels).notNull(),
    to: json<string[]>("to_addresses").notNull(),
    cc: json<string[]>("cc_addresses").notNull(),
    bcc: json<string[]>("bcc_addresses").notNull(),
    // First recipient, indexed for the recipient filter.
    toFirst: varchar("to_first", { length: 255 }).notNull(),
    subject: varchar("subject", { length: 300 }),
    text: mediumtext("text").notNull(),
    html: mediumtext("html"),
    template: varchar("template", { length: 60 }).notNull(),
    templateData: json<Record<string, unknown>>("template_data"),
    // The secret parts of a message (sign-in codes, links with tokens),
    // encrypted; the stored text and html hold placeholders for them. Dropped
    // once the message is sent or dead.
    secrets: mediumtext("secrets"),
    // When the retention job emptied the bodies of this old message.
    prunedAt: timestamp("pruned_at"),
    // Past this a message is useless (a one-time code that has run out): it
    // is never sent or retried after it, and goes to dead instead.
    expiresAt: timestamp("expires_at"),
    attachments: json<OutboxAttachment[]>("attachments").notNull(),
    relatedType: varchar("related_type", { length: 30 }),
    relatedId: ref("related_id"),
    clientId: ref("client_id"),
    idempotencyKey: varchar("idempotency_key", { length: 191 }).notNull(),
    status: mysqlEnum("status", outboxStatuses).notNull().default("queued"),
    attempts: int("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at").notNull(),
    lockedUntil: timestamp("locked_until"),
    lockedBy: varchar("locked_by", { length: 64 }),
    lastError: text("last_error"),
    providerMessageId: varchar("provider_message_id", { length: 191 }),
    sentAt: timestamp("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("outbox_idempotency_uq").on(t.idempotencyKey),
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("outbox_related_idx").on(t.relatedType, t.relatedId, t.createdAt),
    index("outbox_client_idx").on(t.clientId, t.createdAt),
    index("outbox_created_idx").on(t.createdAt),
    index("outbox_to_idx").on(t.toFirst, t.createdAt),
  ],
);

export const outboxAttempts = mysqlTable(
  "outbox_attempts",
  {
    id: id(),
    outboxId: ref("outbox_id").notNull(),
    attempt: int("attempt").notNull(),
    workerId: varchar("worker_id", { length: 64 }),
    outcome: mysqlEnum("outcome", ["sent", "captured", "failed"]).notNull(),
    error: text("error"),
    durationMs: int("duration_ms").notNull(),
    at: createdAt(),
  },
  (t) => [index("outbox_attempts_outbox_idx").on(t.outboxId, t.attempt)],
);
