"use client";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmAction } from "@/components/forms/confirm-action";
import { Icon } from "@/components/ui/icon";
import { archiveClient } from "@/lib/actions/clients/archive-client";
import { deleteClient } from "@/lib/actions/clients/delete-client";
import { restoreClient } from "@/lib/actions/clients/restore-client";

type Props = { client: { id: number; name: string; archived: boolean }; canArchive: boolean };

/** Archive and restore, behind a confirmation. Shown only to roles that hold the permission; the server checks again. */
export function ClientArchiveAction({ client, canArchive }: Props) {
  return (
    <>
      {canArchive &&
        (client.archived ? (
          <ConfirmAction
            action={restoreClient}
            input={{ id: client.id }}
            trigger={
              <>
                <Icon name="archive-arrow-up" aria-hidden="true" />
                Restore
              </>
            }
            title={`Restore ${client.name}?`}
            description="The client comes back into the client list, searches and pickers. Subscriptions that ended when the client was archived stay ended."
            confirmLabel="Restore client"
            successMessage="Client restored"
          />
        ) : (
          <ConfirmAction
            action={archiveClient}
            input={{ id: client.id }}
            trigger={
              <>
                <Icon name="archive" aria-hidden="true" />
                Archive
              </>
            }
            title={`Archive ${client.name}?`}
            description="The client leaves the client list and pickers, and their active and paused subscriptions end now, so no further invoices are made for them. Invoices and payments stay as they are. You can restore the client at any time, but that doesn't restart the subscriptions."
            confirmLabel="Archive client"
            successMessage="Client archived"
          />
        ))}
    </>
  );
}

/** Permanent deletion, at the foot of the page, for admins; refused (and explained) when the client has history. */
export function DeleteClientCard({ area, client, blockedReason }: { area: string; client: { id: number; name: string }; blockedReason: string | null }) {
  return (
    <Card className="border-destructive/30">
      <CardHeader>
        <CardTitle>Delete this client</CardTitle>
        <CardDescription>{blockedReason ?? "This client has no invoices, payments or subscriptions, so it can be deleted for good."}</CardDescription>
      </CardHeader>
      <CardContent>
        <ConfirmAction
          action={deleteClient}
          input={{ id: client.id }}
          triggerDisabled={Boolean(blockedReason)}
          trigger={
            <>
              <Icon name="trash" aria-hidden="true" />
              Delete permanently
            </>
          }
          title={`Delete ${client.name} permanently?`}
          description="This removes the client for good. It can't be undone."
          confirmLabel="Delete for good"
          destructive
          successMessage="Client deleted"
          redirectTo={`${area}/clients`}
        />
      </CardContent>
    </Card>
  );
}
