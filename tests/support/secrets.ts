import type { outbox } from "@/db/schema";
import { openValues, type SecretValues } from "@/lib/notify/message-secrets";
import { fillPlaceholders } from "@/lib/notify/placeholders";

type OutboxRow = typeof outbox.$inferSelect;

/**
 * A message as its recipient gets it: its encrypted codes and links opened
 * and put back, with the same functions the outbox page uses to show a
 * captured message (and the worker just before sending). It reads queued
 * rows too, since integration tests run no worker. Tests read links and
 * codes only through this, as the person who got the message would.
 */
export function revealSecrets(row: OutboxRow) {
  const values: SecretValues = row.secrets ? openValues(row.secrets, row) : {};
  const content = fillPlaceholders(row, values);
  // A secret field holds exactly one placeholder (lib/notify/message-secrets.ts).
  const data = Object.fromEntries(Object.entries(row.templateData ?? {}).map(([k, v]) => [k, typeof v === "string" && Object.hasOwn(values, v) ? values[v] : v]));
  return { ...content, data };
}

/** The same for a row read with plain SQL (end-to-end tests), in its snake_case columns. */
export function revealRawSecrets(raw: Record<string, unknown>) {
  const json = <T>(v: unknown) => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));
  return revealSecrets({
    idempotencyKey: String(raw.idempotency_key),
    channel: raw.channel as OutboxRow["channel"],
    to: json<string[]>(raw.to_addresses),
    cc: json<string[]>(raw.cc_addresses),
    bcc: json<string[]>(raw.bcc_addresses),
    subject: (raw.subject as string | null) ?? null,
    text: String(raw.text),
    html: (raw.html as string | null) ?? null,
    templateData: json<Record<string, unknown> | null>(raw.template_data),
    secrets: (raw.secrets as string | null) ?? null,
  } as OutboxRow);
}
