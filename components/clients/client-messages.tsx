import { MessageList } from "@/components/messages/message-list";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { listMessagesForClient } from "@/db/queries/outbox";

/** The emails and texts the outbox holds for one client: reminders, invoices, receipts, announcements. */
export async function ClientMessages({ clientId, canOpenOutbox }: { clientId: number; canOpenOutbox: boolean }) {
  const messages = await listMessagesForClient(clientId);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Messages</CardTitle>
        <CardDescription>Emails and texts sent to this client.</CardDescription>
      </CardHeader>
      <CardContent>
        <MessageList
          messages={messages}
          outboxHref={canOpenOutbox ? (id) => `/admin/outbox/${id}` : undefined}
          emptyText="Reminders, invoices and announcements sent to this client will be listed here."
        />
      </CardContent>
    </Card>
  );
}
