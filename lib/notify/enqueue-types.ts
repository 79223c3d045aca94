import type { OutboxAttachment, OutboxChannel } from "@/db/schema";
import type { RelatedEntity, TemplateData, TemplateName } from "./templates";

/**
 * What a caller passes to enqueue(). It is written in the caller's
 * transaction, so a rollback leaves nothing queued.
 */
export type EnqueueInput<T extends TemplateName = TemplateName> = {
  channel: OutboxChannel;
  /** Email addresses, or E.164 phone numbers for SMS. */
  to: string | string[];
  cc?: string[];
  bcc?: string[];
  template: T;
  data: TemplateData[T];
  /** Overrides the template's subject (emails only). */
  subject?: string;
  /** Rendered when the message is sent, e.g. an invoice PDF at a version. */
  attachments?: OutboxAttachment[];
  related?: RelatedEntity;
  /** The client a message concerns, for the client's message history. */
  clientId?: number | null;
  /**
   * When the message stops being worth sending (a one-time code's own
   * expiry): the worker never sends or retries it after this, and "Retry now"
   * refuses it.
   */
  expiresAt?: Date;
  /** One message per key, ever: queuing the same key twice stores one row. */
  idempotencyKey: string;
};

export type EnqueueResult = { id: number; created: boolean };
