import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AttachmentList } from "@/components/outbox/attachment-list";
import { AttemptsTable } from "@/components/outbox/attempts-table";
import { EmailPreview, SmsPreview } from "@/components/outbox/message-preview";
import { MessageDetails } from "@/components/outbox/message-details";
import { PrunedNote } from "@/components/outbox/pruned-note";
import { RetryButton } from "@/components/outbox/retry-button";
import { maskLabel, SecretNote } from "@/components/outbox/secret-note";
import { PageHeader } from "@/components/shell/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Icon } from "@/components/ui/icon";
import { IntentLink } from "@/components/ui/intent-link";
import { getOutboxMessage } from "@/db/queries/outbox";
import { describeOutbox } from "@/db/queries/outbox-about";
import { templateLabel } from "@/lib/notify/template-labels";
import { getSettings } from "@/db/queries/settings";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { fromHeader } from "@/lib/notify/from-header";
import { viewMessage } from "@/lib/notify/outbox-view";
import { maskPlaceholders } from "@/lib/notify/placeholders";
import { whyNotRetryable } from "@/lib/notify/retry";
import { retryMessageSchema } from "@/lib/validation/outbox";
import { regionFromLocale } from "@/lib/phone";
import { shownPhone } from "@/lib/phone-shown";

export const metadata: Metadata = { title: "Message" };

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePagePermission("outbox:read");
  const parsed = retryMessageSchema.safeParse(await params);
  const message = parsed.success ? await getOutboxMessage(parsed.data.id) : null;
  if (!message) notFound();
  const canRetry = can(user.role, "outbox:retry") && whyNotRetryable(message) === null;
  const from = message.channel === "email" ? fromHeader((await getSettings()).senderName, env().EMAIL_FROM) : undefined;
  const about = (await describeOutbox([message])).get(message)!;
  const { content, state } = viewMessage(message);
  const mask = maskLabel(state, message.status);
  const subject = content.subject && (mask ? maskPlaceholders(content.subject, "••••••") : content.subject);
  return (
    <>
      <IntentLink href="/admin/outbox" className={buttonVariants({ variant: "ghost", size: "sm", className: "-ml-3 mb-2" })}>
        <Icon name="arrow-left" aria-hidden="true" />
        Outbox
      </IntentLink>
      <PageHeader
        title={message.channel === "email" ? (subject ?? templateLabel(message.template)) : `SMS to ${shownPhone(message.to[0], regionFromLocale((await getSettings()).locale))}`}
        description={message.channel === "email" ? `To ${message.to.join(", ")}` : templateLabel(message.template)}
        actions={canRetry ? <RetryButton id={message.id} /> : undefined}
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>{message.channel === "email" ? "Email" : "Text message"}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            <SecretNote state={state} status={message.status} channel={message.channel} />
            {message.prunedAt ? (
              <PrunedNote at={message.prunedAt} days={env().OUTBOX_RETENTION_DAYS} />
            ) : message.channel === "email" ? (
              <EmailPreview html={content.html} text={content.text} mask={mask} />
            ) : (
              <SmsPreview text={content.text} mask={mask} />
            )}
          </CardContent>
        </Card>
        <div className="grid min-w-0 content-start gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Details</CardTitle>
            </CardHeader>
            <CardContent>
              <MessageDetails message={message} about={about} from={from} region={regionFromLocale((await getSettings()).locale)} />
            </CardContent>
          </Card>
          {message.channel === "email" && (
            <Card>
              <CardHeader>
                <CardTitle>Attachments</CardTitle>
              </CardHeader>
              <CardContent>
                <AttachmentList attachments={message.attachments} />
              </CardContent>
            </Card>
          )}
        </div>
      </div>
      <Card className="mt-6">
        <CardHeader>
          <CardTitle>Attempts</CardTitle>
        </CardHeader>
        <CardContent>
          <AttemptsTable attempts={message.history} />
        </CardContent>
      </Card>
    </>
  );
}
