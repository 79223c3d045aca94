import { ArchiveToggle, DeleteRecordCard } from "@/components/forms/record-lifecycle";
import { archiveService } from "@/lib/actions/services/archive-service";
import { deleteService } from "@/lib/actions/services/delete-service";
import { restoreService } from "@/lib/actions/services/restore-service";
import { plural } from "@/lib/plural";

type Props = { service: { id: number; name: string; archived: boolean; activeSubscriptions: number }; canArchive: boolean };

/** Archive and restore for admins; the server checks the permission again. */
export function ServiceArchiveAction({ service, canArchive }: Props) {
  if (!canArchive) return null;
  return (
    <ArchiveToggle
      record={service}
      noun="service"
      archive={archiveService}
      restore={restoreService}
      archiveDescription={`It leaves the catalogue, so nobody new can subscribe. ${service.activeSubscriptions ? `Its ${plural(service.activeSubscriptions, "active subscription")} and` : "Its"} invoices stay as they are. You can restore it at any time.`}
      restoreDescription="It returns to the catalogue with its active setting as it was. No announcement is sent."
    />
  );
}

/** Permanent deletion for admins, refused (and explained) once anyone subscribed or an invoice names the service. */
export function DeleteServiceCard({ area, service, hasHistory }: { area: string; service: { id: number; name: string }; hasHistory: boolean }) {
  return (
    <DeleteRecordCard
      record={service}
      noun="service"
      action={deleteService}
      blockedReason={hasHistory ? "Clients subscribed to this service or were invoiced for it, so it can only be archived." : null}
      deletableDescription="Nobody subscribed to this service and no invoice names it, so it can be deleted for good."
      listHref={`${area}/services`}
    />
  );
}
