"use client";

import { ConfirmAction } from "@/components/forms/confirm-action";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Icon } from "@/components/ui/icon";
import type { FormState } from "@/lib/form-state";

/** A server action on one record by its id (archive, restore, delete). */
type RecordAction = (prev: FormState<void> | undefined, input: { id: number }) => Promise<FormState<void>>;
type NamedRecord = { id: number; name: string };

/**
 * Archive a record, or restore an archived one, behind a confirmation: the
 * same button, titles and toasts for every kind of record (`noun`: "client",
 * "service"), with the record's own consequences in the descriptions. The
 * caller shows it only to roles that hold the permission; the server checks
 * again.
 */
export function ArchiveToggle({
  record,
  noun,
  archive,
  restore,
  archiveDescription,
  restoreDescription,
}: {
  record: NamedRecord & { archived: boolean };
  noun: string;
  archive: RecordAction;
  restore: RecordAction;
  archiveDescription: string;
  restoreDescription: string;
}) {
  const Noun = noun[0]!.toUpperCase() + noun.slice(1);
  const step = record.archived
    ? ({ verb: "Restore", icon: "archive-arrow-up", action: restore, description: restoreDescription } as const)
    : ({ verb: "Archive", icon: "archive", action: archive, description: archiveDescription } as const);
  return (
    <ConfirmAction
      action={step.action}
      input={{ id: record.id }}
      trigger={
        <>
          <Icon name={step.icon} aria-hidden="true" />
          {step.verb}
        </>
      }
      title={`${step.verb} ${record.name}?`}
      description={step.description}
      confirmLabel={`${step.verb} ${noun}`}
      // "Client archived", "Service restored".
      successMessage={`${Noun} ${step.verb.toLowerCase()}d`}
    />
  );
}

/**
 * Permanent deletion, in a card at the foot of a record's page: the button is
 * disabled, and the card says why, while the record has history
 * (`blockedReason`); otherwise the card says why it may go. After deleting,
 * the person lands on the list (`listHref`).
 */
export function DeleteRecordCard({
  record,
  noun,
  action,
  blockedReason,
  deletableDescription,
  listHref,
}: {
  record: NamedRecord;
  noun: string;
  action: RecordAction;
  blockedReason: string | null;
  deletableDescription: string;
  listHref: string;
}) {
  const Noun = noun[0]!.toUpperCase() + noun.slice(1);
  return (
    <Card className="border-destructive/30">
      <CardHeader>
        <CardTitle>Delete this {noun}</CardTitle>
        <CardDescription>{blockedReason ?? deletableDescription}</CardDescription>
      </CardHeader>
      <CardContent>
        <ConfirmAction
          action={action}
          input={{ id: record.id }}
          triggerDisabled={Boolean(blockedReason)}
          trigger={
            <>
              <Icon name="trash" aria-hidden="true" />
              Delete permanently
            </>
          }
          title={`Delete ${record.name} permanently?`}
          description={`This removes the ${noun} for good. It can't be undone.`}
          confirmLabel="Delete for good"
          destructive
          successMessage={`${Noun} deleted`}
          redirectTo={listHref}
        />
      </CardContent>
    </Card>
  );
}
