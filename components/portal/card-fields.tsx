"use client";

import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { FieldErrors } from "@/lib/form-state";

/** Card number, expiry, CVC and name, with the autocomplete hints browsers and password managers use. */
export function CardFields({ errors }: { errors: FieldErrors }) {
  return (
    <div className="grid grid-cols-2 gap-3">
      <FormField id="cardNumber" label="Card number" required error={errors.cardNumber} className="col-span-2">
        <Input {...fieldA11y("cardNumber", errors.cardNumber)} name="cardNumber" inputMode="numeric" autoComplete="cc-number" placeholder="4242 4242 4242 4242" maxLength={23} />
      </FormField>
      <FormField id="cardExpiry" label="Expiry" required error={errors.cardExpiry}>
        <Input {...fieldA11y("cardExpiry", errors.cardExpiry)} name="cardExpiry" inputMode="numeric" autoComplete="cc-exp" placeholder="MM/YY" maxLength={7} />
      </FormField>
      <FormField id="cardCvc" label="CVC" required error={errors.cardCvc}>
        <Input {...fieldA11y("cardCvc", errors.cardCvc)} name="cardCvc" inputMode="numeric" autoComplete="cc-csc" placeholder="123" maxLength={4} />
      </FormField>
      <FormField id="cardName" label="Name on card" error={errors.cardName} className="col-span-2">
        <Input {...fieldA11y("cardName", errors.cardName)} name="cardName" autoComplete="cc-name" maxLength={120} />
      </FormField>
    </div>
  );
}
