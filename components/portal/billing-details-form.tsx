"use client";

import { useRouter } from "next/navigation";
import { FormAlert } from "@/components/forms/form-alert";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { updateBillingDetails } from "@/lib/actions/portal/update-billing-details";

const billingDetailsSchema = () => import("@/lib/validation/portal").then((m) => m.billingDetailsSchema);

type Details = { company: string | null; address: string | null; smsOptIn: boolean; phone: string | null };

/** The client's company and address (printed on invoices) and consent to texts. */
/** `phoneShown` is the client's mobile number as people read it, formatted on the server. */
export function BillingDetailsForm({ details, phoneShown }: { details: Details; phoneShown: string | null }) {
  const router = useRouter();
  const { form, pending, errors, formError, values } = useValidatedAction(updateBillingDetails, billingDetailsSchema, () => {
    toast({ title: "Billing details saved", variant: "success" });
    router.refresh();
  });
  return (
    <form {...form} className="grid max-w-xl gap-4">
      <FormAlert message={formError} />
      <FormField id="billing-company" label="Company" error={errors.company}>
        <Input {...fieldA11y("billing-company", errors.company)} name="company" defaultValue={values?.company ?? details.company ?? ""} autoComplete="organization" maxLength={160} />
      </FormField>
      <FormField id="billing-address" label="Billing address" error={errors.address} hint="Printed on your invoices.">
        <Textarea
          {...fieldA11y("billing-address", errors.address, true)}
          name="address"
          defaultValue={values?.address ?? details.address ?? ""}
          autoComplete="street-address"
          rows={3}
          maxLength={500}
        />
      </FormField>
      <div className="grid gap-1.5">
        <div className="flex items-start gap-3">
          <Checkbox {...fieldA11y("billing-sms", errors.smsOptIn)} name="smsOptIn" defaultChecked={details.smsOptIn} className="mt-0.5" />
          <Label htmlFor="billing-sms" className="font-normal leading-snug">
            Text me payment receipts, reminders and news about services
          </Label>
        </div>
        <p className="pl-7 text-sm text-muted-foreground">
          {details.phone ? (
            <>
              Texts go to <span>{phoneShown ?? details.phone}</span>, the mobile number in your details above.
            </>
          ) : (
            "Add a mobile number in your details above to get texts."
          )}{" "}
          Sign-in codes are sent whatever you choose here.
        </p>
        {errors.smsOptIn && (
          <p id="billing-sms-error" className="pl-7 text-sm text-destructive">
            {errors.smsOptIn[0]}
          </p>
        )}
      </div>
      <div>
        <Button type="submit" pending={pending}>
          Save billing details
        </Button>
      </div>
    </form>
  );
}
