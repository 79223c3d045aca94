import "server-only";
import { randomBytes } from "node:crypto";
import type { OutboxChannel } from "@/db/schema";
import { escapeHtml, fillPlaceholders, hasPlaceholders, type MessageContent } from "./placeholders";
import { open, seal, SecretBoxError } from "./secret-box";
import { secretFields } from "./secret-fields";
import type { TemplateData, TemplateName } from "./templates";

/** Placeholder → the real value it stands for. */
export type SecretValues = Record<string, string>;

/** What identifies a message and where it goes: bound into its encrypted secrets. */
export type Envelope = { idempotencyKey: string; channel: OutboxChannel; to: string[]; cc: string[]; bcc: string[] };

export type SealedMessage = Envelope & MessageContent & { secrets: string | null };

export const newPlaceholder = () => `cdsecret${randomBytes(16).toString("hex")}`;

/**
 * The template's data with each secret field (lib/notify/secret-fields.ts)
 * swapped for a fresh placeholder, and the values they stand for. Rendering
 * this data gives the text and HTML the outbox stores.
 */
export function withPlaceholders<T extends TemplateName>(
  template: T,
  data: TemplateData[T],
  // The demo seed passes its own, to write the same rows every time.
  placeholderFor: (value: string) => string = newPlaceholder,
): { data: TemplateData[T]; values: SecretValues } {
  const copy: Record<string, unknown> = { ...data };
  const values: SecretValues = {};
  for (const field of secretFields[template] as readonly string[]) {
    const value = copy[field];
    if (typeof value !== "string" || value === "") continue;
    const placeholder = placeholderFor(value);
    copy[field] = placeholder;
    values[placeholder] = value;
  }
  return { data: copy as TemplateData[T], values };
}

// The key and the recipients are authenticated with the secrets: a sealed
// value copied to another row, or a row redirected to another address, can't
// be opened, so its link never reaches someone it wasn't meant for.
const contextOf = (m: Envelope) => JSON.stringify(["outbox", m.idempotencyKey, m.channel, m.to, m.cc, m.bcc]);

/** The values encrypted for the `secrets` column; null when the message has none. */
export function sealValues(values: SecretValues, envelope: Envelope): string | null {
  return Object.keys(values).length ? seal(JSON.stringify(values), contextOf(envelope)) : null;
}

export function openValues(sealed: string, envelope: Envelope): SecretValues {
  return JSON.parse(open(sealed, contextOf(envelope))) as SecretValues;
}

/** The message can't go out whole: retrying won't help, so it goes straight to dead. */
export class SecretsUnavailableError extends Error {
  readonly permanent = true;
  constructor(message: string) {
    super(message);
    this.name = "SecretsUnavailableError";
  }
}

export const SECRETS_GONE = "Its one-time code or link was removed (messages drop them once sent or dead), so it can't be sent again. Ask for a new code or link instead.";

/**
 * The message as its recipient must get it, just before it goes to the
 * provider: secrets decrypted and put back in. A message that would still
 * carry a placeholder is refused, never sent half-filled.
 */
export function contentForSending(message: SealedMessage): { content: MessageContent; values: string[] } {
  let values: SecretValues = {};
  if (message.secrets) {
    try {
      values = openValues(message.secrets, message);
    } catch (error) {
      if (error instanceof SecretBoxError) throw new SecretsUnavailableError(`Its one-time code or link can't be read. ${error.message}`);
      throw error;
    }
  }
  const content = fillPlaceholders(message, values);
  if ([content.subject, content.text, content.html].some(hasPlaceholders)) throw new SecretsUnavailableError(SECRETS_GONE);
  return { content, values: Object.values(values) };
}

const MASK = "••••••";

/**
 * Text for an error column or a log line with every secret value masked: as
 * sent, HTML-escaped and URL-encoded (a provider may quote the body back), and
 * each token inside a link on its own.
 */
export function scrubSecrets(text: string, values: string[]): string {
  const forms = new Set<string>();
  for (const value of values) {
    for (const form of [value, escapeHtml(value), encodeURIComponent(value)]) forms.add(form);
    for (const token of value.match(/[A-Za-z0-9_-]{16,}/g) ?? []) forms.add(token);
  }
  // Longest first, so a whole link is masked before the token inside it.
  return [...forms].sort((a, b) => b.length - a.length).reduce((out, form) => out.split(form).join(MASK), text);
}
