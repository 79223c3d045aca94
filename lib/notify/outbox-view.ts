import "server-only";
import type { OutboxStatus } from "@/db/schema";
import { openValues, type SealedMessage } from "./message-secrets";
import { dropCutPlaceholder, fillPlaceholders, hasPlaceholders, maskPlaceholders, type MessageContent } from "./placeholders";

/**
 * What the admin outbox can show of a message's codes and links:
 * - none: it has none;
 * - shown: captured (capture mode), so they are shown in full;
 * - encrypted: waiting to be sent, so they are encrypted and hidden;
 * - removed: sent or dead, so they are gone;
 * - unreadable: captured, but they can't be decrypted (AUTH_SECRET changed).
 */
export type SecretState = "none" | "shown" | "encrypted" | "removed" | "unreadable";

type Viewable = SealedMessage & { status: OutboxStatus };

const pending = new Set<OutboxStatus>(["queued", "sending", "failed"]);

/**
 * A message as the outbox page shows it. Only a captured message gets its
 * secrets back: with no provider for its channel it was never going to be
 * sent, and a local or demo install needs its sign-in codes and links. Any
 * other message keeps its placeholders, which the page shows masked.
 */
export function viewMessage(message: Viewable): { content: MessageContent; state: SecretState } {
  const content = { subject: message.subject, text: message.text, html: message.html };
  if (![content.subject, content.text, content.html].some(hasPlaceholders)) return { content, state: "none" };
  if (message.status === "captured" && message.secrets) {
    try {
      return { content: fillPlaceholders(content, openValues(message.secrets, message)), state: "shown" };
    } catch {
      return { content, state: "unreadable" };
    }
  }
  return { content, state: message.secrets && pending.has(message.status) ? "encrypted" : "removed" };
}

/** What a list line says for an SMS whose text the retention job removed. */
export const PRUNED_TITLE = "Text removed by the retention job";

/** A list line: an email's subject or an SMS's first characters, with codes and links filled in only when captured. */
export function viewTitle(row: Omit<Viewable, "html"> & { template: string }, previewLength: number): string {
  // Only the retention job leaves a text empty.
  if (row.channel === "sms" && row.text === "") return PRUNED_TITLE;
  const subject = row.subject ?? row.template;
  const text = dropCutPlaceholder(row.text, previewLength);
  const { content, state } = viewMessage({ ...row, subject, text, html: null });
  const title = row.channel === "email" ? content.subject! : content.text;
  return state === "shown" ? title : maskPlaceholders(title, "••••••");
}
