"use client";

import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { FieldErrors } from "@/lib/form-state";

/**
 * Card number, expiry, CVC and name, with the autocomplete hints browsers and
 * password managers use. No placeholders: a grey "4242 …" or "123" reads as a
 * value already typed, so the expected format is a hint under the field.
 */
export function CardFields({ errors, idPrefix = "" }: { errors: FieldErrors; idPrefix?: string }) {
  const id = (name: string) => `${idPrefix}${name}`;
  return (
    <div className="grid grid-cols-2 gap-3">
      <FormField id={id("cardNumber")} label="Card number" required error={errors.cardNumber} className="col-span-2">
        <Input {...fieldA11y(id("cardNumber"), errors.cardNumber)} name="cardNumber" inputMode="numeric" autoComplete="cc-number" maxLength={23} />
      </FormField>
      <FormField id={id("cardExpiry")} label="Expiry" required error={errors.cardExpiry} hint="MM/YY">
        <Input {...fieldA11y(id("cardExpiry"), errors.cardExpiry, true)} name="cardExpiry" inputMode="numeric" autoComplete="cc-exp" maxLength={7} />
      </FormField>
      <FormField id={id("cardCvc")} label="CVC" required error={errors.cardCvc} hint="3 or 4 digits">
        <Input {...fieldA11y(id("cardCvc"), errors.cardCvc, true)} name="cardCvc" inputMode="numeric" autoComplete="cc-csc" maxLength={4} />
      </FormField>
      <FormField id={id("cardName")} label="Name on card" error={errors.cardName} className="col-span-2">
        <Input {...fieldA11y(id("cardName"), errors.cardName)} name="cardName" autoComplete="cc-name" maxLength={120} />
      </FormField>
    </div>
  );
}
