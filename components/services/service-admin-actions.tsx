"use client";

import { ConfirmAction } from "@/components/forms/confirm-action";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Icon } from "@/components/ui/icon";
import { archiveService } from "@/lib/actions/services/archive-service";
import { deleteService } from "@/lib/actions/services/delete-service";
import { restoreService } from "@/lib/actions/services/restore-service";
import { plural } from "@/lib/plural";

type Props = { service: { id: number; name: string; archived: boolean; activeSubscriptions: number }; canArchive: boolean };

/** Archive and restore for admins; the server checks the permission again. */
export function ServiceArchiveAction({ service, canArchive }: Props) {
  return (
    <>
      {canArchive &&
        (service.archived ? (
          <ConfirmAction
            action={restoreService}
            input={{ id: service.id }}
            trigger={
              <>
                <Icon name="archive-arrow-up" aria-hidden="true" />
                Restore
              </>
            }
            title={`Restore ${service.name}?`}
            description="It returns to the catalogue with its active setting as it was. No announcement is sent."
            confirmLabel="Restore service"
            successMessage="Service restored"
          />
        ) : (
          <ConfirmAction
            action={archiveService}
            input={{ id: service.id }}
            trigger={
              <>
                <Icon name="archive" aria-hidden="true" />
                Archive
              </>
            }
            title={`Archive ${service.name}?`}
            description={`It leaves the catalogue, so nobody new can subscribe. ${service.activeSubscriptions ? `Its ${plural(service.activeSubscriptions, "active subscription")} and` : "Its"} invoices stay as they are. You can restore it at any time.`}
            confirmLabel="Archive service"
            successMessage="Service archived"
          />
        ))}
    </>
  );
}

/** Permanent deletion for admins, refused (and explained) once anyone subscribed or an invoice names the service. */
export function DeleteServiceCard({ area, service, hasHistory }: { area: string; service: { id: number; name: string }; hasHistory: boolean }) {
  return (
    <Card className="border-destructive/30">
      <CardHeader>
        <CardTitle>Delete this service</CardTitle>
        <CardDescription>
          {hasHistory
            ? "Clients subscribed to this service or were invoiced for it, so it can only be archived."
            : "Nobody subscribed to this service and no invoice names it, so it can be deleted for good."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ConfirmAction
          action={deleteService}
          input={{ id: service.id }}
          triggerDisabled={hasHistory}
          trigger={
            <>
              <Icon name="trash" aria-hidden="true" />
              Delete permanently
            </>
          }
          title={`Delete ${service.name} permanently?`}
          description="This removes the service for good. It can't be undone."
          confirmLabel="Delete for good"
          destructive
          successMessage="Service deleted"
          redirectTo={`${area}/services`}
        />
      </CardContent>
    </Card>
  );
}
