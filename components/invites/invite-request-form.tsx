"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { requestInvite } from "@/lib/actions/invites/request-invite";

const inviteRequestSchema = () => import("@/lib/validation/invites").then((m) => m.inviteRequestSchema);

/** Ask for a new staff member to be invited; every admin is emailed to approve or reject. */
export function InviteRequestForm() {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const { form, pending, errors, formError, values } = useValidatedAction(requestInvite, inviteRequestSchema, () => {
    toast({ title: "Invite requested", description: "Every admin got an email to approve or reject it.", variant: "success" });
    formRef.current?.reset();
    router.refresh();
  });
  return (
    <form ref={formRef} {...form} className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
      <div className="sm:col-span-3">
        <FormAlert message={formError} />
      </div>
      <FormField className="content-start" id="invite-name" label="Name" required error={errors.name}>
        <Input {...fieldA11y("invite-name", errors.name)} name="name" defaultValue={values?.name} autoComplete="off" maxLength={120} />
      </FormField>
      <FormField className="content-start" id="invite-email" label="Email" required error={errors.email}>
        <Input {...fieldA11y("invite-email", errors.email)} name="email" type="email" inputMode="email" defaultValue={values?.email} autoComplete="off" />
      </FormField>
      <Button type="submit" pending={pending} className="sm:mt-[1.625rem]">
        Request invite
      </Button>
    </form>
  );
}
