"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { PhoneInput } from "@/components/forms/phone-input";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { useBusinessRegion } from "@/components/phone/business-region";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";
import { updateStaff } from "@/lib/actions/staff/update-staff";
import { phoneField } from "@/lib/phone";
import { updateStaffSchema } from "@/lib/validation/staff";

export type Member = { id: number; name: string; email: string; phone: string | null; role: "admin" | "staff" | "client" };

/**
 * Edit a staff member's name, phone and role in a dialog. Loaded on first use
 * by staff-edit-dialog.tsx, open from the start because the person clicked;
 * `trigger` is that same button.
 */
export function StaffEditPopup({ member, isSelf, trigger }: { member: Member; isSelf: boolean; trigger: React.ReactElement }) {
  const router = useRouter();
  const [open, setOpen] = useState(true);
  // The name as submitted: after a rename the toast names the person as they are now called.
  const submittedName = useRef(member.name);
  // This dialog is a chunk of its own, loaded on first use: it may split the stored number itself.
  const region = useBusinessRegion();
  const { form, pending, errors, formError, values } = useValidatedAction(updateStaff, updateStaffSchema, () => {
    setOpen(false);
    toast({ title: `${submittedName.current} saved`, variant: "success" });
    router.refresh();
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Edit {member.name}</DialogTitle>
          <DialogDescription>{member.email}. Changing the role signs them out everywhere, so the new role applies at once.</DialogDescription>
        </DialogHeader>
        <form
          {...form}
          onSubmit={(event) => {
            submittedName.current = String(new FormData(event.currentTarget).get("name") ?? "").trim() || member.name;
            form.onSubmit(event);
          }}
          className="grid gap-4"
        >
          <input type="hidden" name="id" value={member.id} />
          <FormAlert message={formError} />
          <FormField id={`name-${member.id}`} label="Name" required error={errors.name}>
            <Input {...fieldA11y(`name-${member.id}`, errors.name)} name="name" defaultValue={values?.name ?? member.name} maxLength={120} />
          </FormField>
          <FormField id={`phone-${member.id}`} label="Phone" error={errors.phone}>
            <PhoneInput id={`phone-${member.id}`} name="phone" stored={phoneField(member.phone, region)} returned={values} invalid={Boolean(errors.phone)} />
          </FormField>
          <FormField
            id={`role-${member.id}`}
            label="Role"
            error={errors.role}
            hint={isSelf ? "This is you: making yourself staff removes your admin access." : "Admins also manage staff, settings, archiving and the audit log."}
          >
            <Select {...fieldA11y(`role-${member.id}`, errors.role, true)} name="role" defaultValue={values?.role ?? member.role}>
              <option value="staff">Staff</option>
              <option value="admin">Admin</option>
            </Select>
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" pending={pending}>
              Save
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
