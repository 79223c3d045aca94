import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { readSettings } from "@/db/queries/settings";
import { isDuplicateKey } from "@/lib/transaction";
import { outbox } from "@/db/schema";
import { renderEmail } from "@/emails/render";
import { renderSms } from "@/emails/sms";
import type { EnqueueInput, EnqueueResult } from "./enqueue-types";
import { sealValues, withPlaceholders } from "./message-secrets";
import { validateMessage } from "./recipients";
import type { TemplateName } from "./templates";

export type { EnqueueInput, EnqueueResult } from "./enqueue-types";

/**
 * Queues one email or SMS inside the caller's transaction: a rollback leaves
 * nothing queued, and a worker sends it only after the commit. The template is
 * rendered now, so the outbox row holds what will be sent and admins can read
 * it, except its secrets (codes, links with tokens: lib/notify/secret-fields):
 * the stored subject, text, HTML and data hold placeholders for them, and the
 * values themselves are stored encrypted until the worker sends the message.
 * Queuing an idempotency key that already exists stores nothing and returns
 * the existing message with created: false.
 *
 * SMS go only to the numbers passed in: callers check the client's sms_opt_in.
 * After the commit, callers that need speed (one-time codes) call
 * kickOutbox() from "./kick".
 */
export async function enqueue<T extends TemplateName>(tx: DbOrTx, input: EnqueueInput<T>): Promise<EnqueueResult> {
  const message = validateMessage(input, input.template);
  // Through the caller's transaction: a second pooled connection here can starve the pool under load.
  const settings = await readSettings(tx);
  const company = { name: settings.companyName, address: settings.companyAddress, locale: settings.locale, timeZone: settings.timeZone };
  const { data, values } = withPlaceholders(input.template, input.data);
  const content = message.channel === "email" ? await renderEmail(input.template, data, company) : { subject: null, html: null, text: renderSms(input.template, data, company) };

  try {
    const [row] = await tx
      .insert(outbox)
      .values({
        channel: message.channel,
        to: message.to,
        cc: message.cc,
        bcc: message.bcc,
        toFirst: message.to[0]!,
        subject: (message.subject ?? content.subject)?.slice(0, 300) ?? null,
        text: content.text,
        html: content.html,
        template: input.template,
        templateData: data,
        secrets: sealValues(values, message),
        attachments: input.attachments ?? [],
        relatedType: input.related?.type ?? null,
        relatedId: input.related?.id ?? null,
        clientId: input.clientId ?? null,
        idempotencyKey: message.idempotencyKey,
        expiresAt: input.expiresAt ?? null,
        // The database clock decides when a row is due, so app and worker clocks may differ.
        nextAttemptAt: sql`NOW(3)`,
      })
      .$returningId();
    return { id: row!.id, created: true };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    // MySQL undoes only the failed statement, so the caller's transaction goes on.
    // A locking read sees the committed row even when this transaction's
    // snapshot predates it. It is a shared lock, like the one the failed insert
    // already holds: FOR UPDATE would have two callers each wait for the other
    // to drop its shared lock (a deadlock). MariaDB has no FOR SHARE, and both
    // engines accept LOCK IN SHARE MODE.
    const result = await tx.execute(sql`SELECT ${outbox.id} AS id FROM ${outbox} WHERE ${outbox.idempotencyKey} = ${message.idempotencyKey} LOCK IN SHARE MODE`);
    // Drizzle types every execute() result as a write result; mysql2 returns the rows of a SELECT.
    const [existing] = (result as unknown as [{ id: number }[]])[0];
    if (!existing) throw error;
    return { id: Number(existing.id), created: false };
  }
}
