"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { useViewerTimeZone } from "@/components/time/viewer-time";
import { PhoneInput } from "@/components/forms/phone-input";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { updateProfile } from "@/lib/actions/profile/update-profile";
import { formatDateTime } from "@/lib/dates";
import type { PhoneField } from "@/lib/phone-regions";

const profileSchema = () => import("@/lib/validation/profile").then((m) => m.profileSchema);

/**
 * The signed-in user's own name, email and phone. A new email asks for the
 * current password, then waits for the link sent to it.
 */
export function ProfileForm({
  user,
  storedPhone = null,
  pendingEmail,
}: {
  user: { name: string; email: string };
  /** The user's number, split on the server (lib/phone phoneField). */
  storedPhone?: PhoneField | null;
  pendingEmail: { address: string; until: Date } | null;
}) {
  const router = useRouter();
  const timeZone = useViewerTimeZone();
  const [email, setEmail] = useState(user.email);
  // Held here, not as a defaultValue: React resets a form after its action, and an
  // uncontrolled field would show the old name until the refreshed page arrived.
  const [name, setName] = useState(user.name);
  const { form, pending, errors, formError, values } = useValidatedAction(updateProfile, profileSchema, (state) => {
    const sentTo = (state.data as { emailChangeSentTo: string | null } | undefined)?.emailChangeSentTo;
    if (sentTo) {
      toast({ title: "Check your new inbox", description: `We sent a link to ${sentTo}. Your email changes when you open it.`, variant: "success" });
      setEmail(user.email);
    } else {
      toast({ title: "Profile saved", variant: "success" });
    }
    router.refresh();
  });
  const emailChanged = email.trim().toLowerCase() !== user.email;
  return (
    <form {...form} className="grid max-w-xl gap-4">
      <FormAlert message={formError} />
      <FormField id="profile-name" label="Name" required error={errors.name}>
        <Input {...fieldA11y("profile-name", errors.name)} name="name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" maxLength={120} />
      </FormField>
      <FormField
        id="profile-email"
        label="Email"
        required
        error={errors.email}
        hint={
          pendingEmail
            ? `You sign in with this address until you open the link we sent to ${pendingEmail.address} (it works until ${formatDateTime(pendingEmail.until, { timeZone })}).`
            : "You sign in with this address. A new one changes when you open the link we send to it."
        }
      >
        <Input {...fieldA11y("profile-email", errors.email, true)} name="email" type="email" inputMode="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" />
      </FormField>
      {emailChanged && (
        <FormField id="profile-current-password" label="Current password" required error={errors.currentPassword} hint="Needed to change the email you sign in with.">
          <Input {...fieldA11y("profile-current-password", errors.currentPassword, true)} name="currentPassword" type="password" autoComplete="current-password" />
        </FormField>
      )}
      <FormField id="profile-phone" label="Mobile phone" error={errors.phone}>
        <PhoneInput id="profile-phone" name="phone" stored={storedPhone} returned={values} invalid={Boolean(errors.phone)} />
      </FormField>
      <div>
        <Button type="submit" pending={pending}>
          Save profile
        </Button>
      </div>
    </form>
  );
}
