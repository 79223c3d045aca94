import { ArchiveToggle, DeleteRecordCard } from "@/components/forms/record-lifecycle";
import { archiveClient } from "@/lib/actions/clients/archive-client";
import { deleteClient } from "@/lib/actions/clients/delete-client";
import { restoreClient } from "@/lib/actions/clients/restore-client";

type Props = { client: { id: number; name: string; archived: boolean }; canArchive: boolean };

/** Archive and restore, behind a confirmation. Shown only to roles that hold the permission; the server checks again. */
export function ClientArchiveAction({ client, canArchive }: Props) {
  if (!canArchive) return null;
  return (
    <ArchiveToggle
      record={client}
      noun="client"
      archive={archiveClient}
      restore={restoreClient}
      archiveDescription="The client leaves the client list and pickers, and their active and paused subscriptions end now, so no further invoices are made for them. Invoices and payments stay as they are. You can restore the client at any time, but that doesn't restart the subscriptions."
      restoreDescription="The client comes back into the client list, searches and pickers. Subscriptions that ended when the client was archived stay ended."
    />
  );
}

/** Permanent deletion, at the foot of the page, for admins; refused (and explained) when the client has history. */
export function DeleteClientCard({ area, client, blockedReason }: { area: string; client: { id: number; name: string }; blockedReason: string | null }) {
  return (
    <DeleteRecordCard
      record={client}
      noun="client"
      action={deleteClient}
      blockedReason={blockedReason}
      deletableDescription="This client has no invoices, payments or subscriptions, so it can be deleted for good."
      listHref={`${area}/clients`}
    />
  );
}
