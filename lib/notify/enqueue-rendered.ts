import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { outbox } from "@/db/schema";
import type { MessageContent } from "./placeholders";
import { sealValues, type SecretValues } from "./message-secrets";
import type { ValidMessage } from "./recipients";
import type { RelatedEntity, TemplateData, TemplateName } from "./templates";

/**
 * A message its caller already rendered, with placeholders in place of its
 * secrets (withPlaceholders) and the values they stand for: what enqueue()
 * makes of one input, built by a caller that queues thousands at once and
 * renders them faster than a React render per message (lib/reminders/run.ts).
 */
export type RenderedMessage<T extends TemplateName = TemplateName> = {
  message: ValidMessage;
  template: T;
  /** The template's data with placeholders for its secret fields. */
  data: TemplateData[T];
  values: SecretValues;
  content: MessageContent;
  related: RelatedEntity;
  clientId: number | null;
};

/**
 * Queues many rendered messages in one INSERT inside the caller's
 * transaction, stored exactly as enqueue() stores one. The caller makes sure
 * no key is taken (it holds the locks that decide that): a duplicate key
 * fails the whole insert, and with it the transaction.
 */
export async function enqueueRendered(tx: Tx, messages: RenderedMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await tx.insert(outbox).values(
    messages.map(({ message, template, data, values, content, related, clientId }) => ({
      channel: message.channel,
      to: message.to,
      cc: message.cc,
      bcc: message.bcc,
      toFirst: message.to[0]!,
      subject: content.subject?.slice(0, 300) ?? null,
      text: content.text,
      html: content.html,
      template,
      templateData: data as Record<string, unknown>,
      secrets: sealValues(values, message),
      attachments: [],
      relatedType: related.type,
      relatedId: related.id,
      clientId,
      idempotencyKey: message.idempotencyKey,
      nextAttemptAt: sql`NOW(3)`,
    })),
  );
}
