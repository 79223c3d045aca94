"use client";

import { Archive, ArchiveRestore, Trash2 } from "lucide-react";
import { ConfirmAction } from "@/components/forms/confirm-action";
import { archiveService } from "@/lib/actions/services/archive-service";
import { deleteService } from "@/lib/actions/services/delete-service";
import { restoreService } from "@/lib/actions/services/restore-service";

type Props = { area: string; service: { id: number; name: string; archived: boolean; activeSubscriptions: number }; canArchive: boolean; canDelete: boolean; hasHistory: boolean };

/** Archive, restore and delete for admins; the server checks the permission again. */
export function ServiceAdminActions({ area, service, canArchive, canDelete, hasHistory }: Props) {
  return (
    <>
      {canArchive &&
        (service.archived ? (
          <ConfirmAction
            action={restoreService}
            input={{ id: service.id }}
            trigger={
              <>
                <ArchiveRestore aria-hidden="true" />
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
                <Archive aria-hidden="true" />
                Archive
              </>
            }
            title={`Archive ${service.name}?`}
            description={`It leaves the catalogue, so nobody new can subscribe. ${service.activeSubscriptions ? `Its ${service.activeSubscriptions} active subscription${service.activeSubscriptions === 1 ? "" : "s"} and` : "Its"} invoices stay as they are. You can restore it at any time.`}
            confirmLabel="Archive service"
            successMessage="Service archived"
          />
        ))}
      {canDelete && (
        <ConfirmAction
          action={deleteService}
          input={{ id: service.id }}
          triggerDisabled={hasHistory}
          trigger={
            <>
              <Trash2 aria-hidden="true" />
              Delete permanently
            </>
          }
          title={`Delete ${service.name} permanently?`}
          description="This removes the service for good. It can't be undone. Only a service nobody subscribed to and no invoice mentions can be deleted."
          confirmLabel="Delete for good"
          destructive
          successMessage="Service deleted"
          redirectTo={`${area}/services`}
        />
      )}
    </>
  );
}
