"use client";

import { Banknote, CreditCard, Landmark } from "lucide-react";
import type { ClientPaymentMethod } from "@/lib/validation/portal";
import { cn } from "@/lib/utils";

const options: { value: ClientPaymentMethod; label: string; detail: string; Icon: typeof CreditCard }[] = [
  { value: "card", label: "Card", detail: "Paid at once, online.", Icon: CreditCard },
  { value: "bank_transfer", label: "Bank transfer", detail: "We confirm it when the money arrives.", Icon: Landmark },
  { value: "cash", label: "Cash", detail: "Pay in person; we confirm it then.", Icon: Banknote },
];

/** Card, bank transfer or cash as a radio group (native radios, styled as stacked tiles). */
export function PaymentMethodChoice({ name, value, onChange, legend = "Payment method" }: { name: string; value: ClientPaymentMethod; onChange: (v: ClientPaymentMethod) => void; legend?: string }) {
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-2 text-sm font-medium">{legend}</legend>
      <div className="grid gap-2">
        {options.map(({ value: v, label, detail, Icon }) => (
          <label
            key={v}
            className={cn(
              "flex cursor-pointer items-start gap-2 rounded-md border p-3 text-sm transition-colors hover:bg-accent/50",
              "has-[:checked]:border-primary has-[:checked]:bg-primary/5 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
            )}
          >
            <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} className="mt-0.5 size-4 accent-[hsl(var(--primary))]" />
            <Icon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
            <span className="grid gap-0.5">
              <span className="font-medium">{label}</span>
              <span className="text-xs text-muted-foreground">{detail}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
